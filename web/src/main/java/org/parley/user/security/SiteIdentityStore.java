package org.parley.user.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.site.web.CurrentSite;
import org.parley.user.UserService;

/**
 * Checks a username and password against the users of the site the request is for; the same name on another site is
 * another person. A valid caller gets the groups of its role and the ones below it ({@code admin} is also
 * {@code moderator} and {@code user}), and the session remembers the user and site in {@link CurrentUser}.
 */
@ApplicationScoped
public class SiteIdentityStore implements IdentityStore {

    private static final Logger log = Logger.getLogger(SiteIdentityStore.class.getName());

    @Inject
    private UserService users;

    @Inject
    private CurrentSite currentSite;

    @Inject
    private CurrentUser currentUser;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        long siteId = currentSite.id();
        String username =
                login.getCaller() == null ? "" : login.getCaller().trim().toLowerCase(Locale.ROOT);
        Optional<Actor> actor = users.authenticate(siteId, username, login.getPasswordAsString());
        if (actor.isEmpty()) {
            log.log(Level.FINE, "Failed log-in for {0} on site {1}", new Object[] {username, siteId});
            return CredentialValidationResult.INVALID_RESULT;
        }
        currentUser.signedIn(siteId, username, actor.get());
        return new CredentialValidationResult(username, groupsOf(actor.get().role()));
    }

    static Set<String> groupsOf(Role role) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(Role.USER.groupName());
        if (role == Role.MODERATOR || role == Role.ADMIN) {
            groups.add(Role.MODERATOR.groupName());
        }
        if (role == Role.ADMIN) {
            groups.add(Role.ADMIN.groupName());
        }
        return groups;
    }
}
