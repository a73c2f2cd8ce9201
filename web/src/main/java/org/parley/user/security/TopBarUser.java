package org.parley.user.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.parley.user.User;
import org.parley.user.UserRef;
import org.parley.user.UserRepository;

/**
 * Reads the logged-in user's name, number and current reputation for the top bar.
 *
 * <p>Why not a service call: {@code UserService} has no lookup by username that returns a {@code UserRef} yet (asked
 * for as {@code UserService.ref(siteId, username)}). Until it does, this reads through the ejb module's repository and
 * turns the entity into a {@code UserRef} at once, so no entity reaches a page. This class is the only place to change
 * when the service method exists.
 */
@ApplicationScoped
class TopBarUser {

  @Inject private UserRepository users;

  Optional<UserRef> find(long siteId, String username) {
    return users.findByUsername(siteId, User.normalizeUsername(username)).filter(u -> !u.isDeleted()).map(User::ref);
  }
}
