package org.parley.people.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.people.UserCard;
import org.parley.post.UserProfile;
import org.parley.web.Links;

/**
 * Where a user's picture comes from: their uploaded avatar (its version in the URL, so a new upload is a new URL and
 * the old one may be cached for ever), else an imported https ProfileImageUrl as it is (the reader's browser loads it
 * from one of the {@link org.parley.user.PictureHosts}, which the pages' Content-Security-Policy allows; Parley never
 * fetches it), else an identicon drawn from the user's number.
 */
@Named
@ApplicationScoped
public class Avatars {

    @Inject
    private Links links;

    public String of(UserCard card) {
        return url(card.number(), card.avatarVersion(), card.importedImageUrl());
    }

    /**
     * The picture's URL for a user number, uploaded version (or null) and imported https URL (or null): a path on this
     * server, or the imported picture's own absolute URL.
     */
    public String url(long number, Integer version, String importedHttpsUrl) {
        if (version != null) {
            return links.relative(AvatarServlet.PATH + number + ".png?v=" + version);
        }
        if (importedHttpsUrl != null) {
            return importedHttpsUrl;
        }
        return identicon(number);
    }

    /** A profile's picture. */
    public String of(UserProfile profile) {
        return url(profile.number(), profile.avatarVersion(), profile.importedImageUrl());
    }

    public String identicon(long number) {
        return links.relative(IdenticonServlet.PATH + number + ".svg");
    }
}
