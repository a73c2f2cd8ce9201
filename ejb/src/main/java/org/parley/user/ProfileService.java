package org.parley.user;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.util.Optional;
import org.parley.common.Actor;
import org.parley.image.AvatarImages;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;

/**
 * A user editing their own profile: display name, about me, location, web site, and their avatar. Every method acts on
 * the actor's own account only (the actor comes from the log-in, never from the form), so nobody edits another's.
 */
@Stateless
public class ProfileService {

    private static final String LOG_IN = "Log in to edit your profile.";

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private UserRepository users;

    @Inject
    private Event<ProfileSaved> saved;

    private Clock clock = Clock.systemUTC();

    /** What the edit form starts from. */
    public record ProfileForEdit(
            long number,
            String slug,
            String displayName,
            String aboutMe,
            String location,
            String websiteUrl,
            Integer avatarVersion,
            String importedImageUrl)
            implements Serializable {}

    /** An uploaded avatar as served. */
    public record AvatarImage(int version, String contentType, byte[] bytes) {}

    /**
     * The actor's profile as the edit form shows it.
     *
     * @throws NotAllowedException when nobody (or a deleted user) is logged in
     */
    public ProfileForEdit forEdit(Actor actor) {
        User u = users.acting(actor, LOG_IN);
        return new ProfileForEdit(
                u.getNumber(),
                u.ref().slug(),
                u.getDisplayName(),
                u.getAboutMe(),
                u.getLocation(),
                u.getWebsiteUrl(),
                u.getAvatarVersion(),
                u.getImportedImageUrl());
    }

    /**
     * Saves the actor's display name, about me (markdown, rendered and sanitised where it is shown), location and web
     * site, and replaces their avatar with one made from {@code upload} ({@link AvatarImages#avatar}) when one is given,
     * or removes it when {@code removeAvatar} is set (they show their identicon again). All or nothing.
     *
     * @param upload the uploaded file's bytes, or null when none was chosen
     * @return the user as posts show them now
     * @throws InvalidInputException naming every wrong field at once: {@code display} (2..40 characters, not a staff
     *     name), {@code about} (at most {@value User#MAX_ABOUT} characters), {@code location} (at most {@value
     *     User#MAX_LOCATION}), {@code website} (an http(s) URL of at most {@value User#MAX_WEBSITE}), {@code avatar}
     *     (an empty, too large, unknown or unreadable picture)
     * @throws NotAllowedException when nobody (or a deleted user) is logged in
     */
    public UserRef save(
            Actor actor,
            String displayName,
            String aboutMe,
            String location,
            String website,
            byte[] upload,
            boolean removeAvatar) {
        User u = users.acting(actor, LOG_IN);
        FieldChecks checks = new FieldChecks();
        checks.field("display", () -> {
            u.changeProfile(displayName, aboutMe, location, website);
            return null;
        });
        byte[] png = upload == null ? null : checks.field("avatar", () -> AvatarImages.avatar(upload));
        checks.done(); // rolls the transaction back, so a refused form changes nothing
        if (png != null) {
            storeAvatar(u, png);
        } else if (removeAvatar) {
            u.bumpAvatar(false);
            UserAvatar avatar = em.find(UserAvatar.class, u.getId());
            if (avatar != null) {
                em.remove(avatar);
            }
        }
        saved.fire(new ProfileSaved(u.getSite().getId(), u.getNumber()));
        return u.ref();
    }

    private void storeAvatar(User u, byte[] png) {
        int version = u.bumpAvatar(true);
        UserAvatar avatar = em.find(UserAvatar.class, u.getId());
        if (avatar == null) {
            avatar = new UserAvatar(u.getId());
            avatar.replace("image/png", png, version, clock.instant());
            em.persist(avatar);
        } else {
            avatar.replace("image/png", png, version, clock.instant());
        }
    }

    /** The uploaded avatar of a user of the site; empty when the user does not exist, is deleted or has none. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<AvatarImage> avatar(long siteId, long number) {
        return users.findByNumberListed(siteId, number)
                .filter(u -> !u.isDeleted() && u.getAvatarVersion() != null)
                .flatMap(u -> Optional.ofNullable(em.find(UserAvatar.class, u.getId())))
                .map(a -> new AvatarImage(a.getVersion(), a.getContentType(), a.getImage()));
    }
}
