package org.parley.people.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.parley.image.AvatarImages;
import org.parley.rules.InvalidInputException;
import org.parley.user.ProfileService;
import org.parley.user.ProfileService.ProfileForEdit;
import org.parley.user.UserRef;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * Editing one's own profile ({@code /users/edit}): display name, about me (markdown), location, web site and avatar
 * (an upload, or back to the identicon). Only ever the logged-in user's own: the service takes the account from the
 * log-in. A visitor who is not logged in is sent to the log-in page, which comes back here.
 */
@Named
@ViewScoped
public class ProfileEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProfileService profiles;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private ProfileForEdit profile;
    private String displayName;
    private String aboutMe;
    private String location;
    private String website;
    private boolean removeAvatar;
    private transient Part avatar;

    public void load() throws IOException {
        if (!viewer.isLoggedIn()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(links.login(links.editProfile()));
            return;
        }
        if (profile == null) {
            profile = profiles.forEdit(viewer.actor());
            displayName = profile.displayName();
            aboutMe = profile.aboutMe();
            location = profile.location();
            website = profile.websiteUrl();
        }
    }

    public void save() throws IOException {
        byte[] upload = null;
        if (avatar != null && avatar.getSize() > 0) {
            // The size is checked before the bytes are read; the container refuses far bigger requests itself.
            if (avatar.getSize() > AvatarImages.MAX_BYTES) {
                throw new InvalidInputException("avatar", "The picture must be at most 2 MB.");
            }
            try (InputStream in = avatar.getInputStream()) {
                upload = in.readNBytes(AvatarImages.MAX_BYTES + 1);
            }
        }
        UserRef saved = profiles.save(viewer.actor(), displayName, aboutMe, location, website, upload, removeAvatar);
        Redirects.withNotice("Your profile is saved.", links.user(saved.number(), saved.slug()));
    }

    public ProfileForEdit getProfile() {
        return profile;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getAboutMe() {
        return aboutMe;
    }

    public void setAboutMe(String aboutMe) {
        this.aboutMe = aboutMe;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public boolean isRemoveAvatar() {
        return removeAvatar;
    }

    public void setRemoveAvatar(boolean removeAvatar) {
        this.removeAvatar = removeAvatar;
    }

    public Part getAvatar() {
        return avatar;
    }

    public void setAvatar(Part avatar) {
        this.avatar = avatar;
    }
}
