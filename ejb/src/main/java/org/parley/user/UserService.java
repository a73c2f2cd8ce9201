package org.parley.user;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.rules.ConflictException;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.Site;

/** Registration and log-in of a site's users; their profile pages are {@code org.parley.post.UserPostService}'s. */
@Stateless
public class UserService {

    private static final Logger log = Logger.getLogger(UserService.class.getName());

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private UserRepository users;

    @Inject
    private jakarta.enterprise.event.Event<RoleChanged> roleChanged;

    /**
     * Registers a plain user (role USER; admins are seeded, never registered). The username is trimmed and
     * lower-cased.
     *
     * @throws InvalidInputException when the username is not 3..30 of {@code [a-z0-9_.-]}, the display name not 2..40
     *     characters or the password shorter than 10 characters, or either name is reserved for the site's staff
     *     ("admin", "moderator", "community", ...: {@link User#isReserved})
     * @throws ConflictException when the username is taken on this site
     * @throws NotFoundException when the site does not exist
     */
    public UserRef register(long siteId, String username, String displayName, String password) {
        FieldChecks reserved = new FieldChecks();
        reserved.field("username", () -> refuseReserved(username, "username"));
        reserved.field("display", () -> refuseReserved(displayName, "display name"));
        reserved.done();
        return createUser(siteId, username, displayName, password, Role.USER);
    }

    private static String refuseReserved(String name, String what) {
        if (User.isReserved(name)) {
            throw new InvalidInputException(
                    "“" + name.strip() + "” is reserved for the site's staff; choose another " + what + ".");
        }
        return name;
    }

    /**
     * Checks a username and password on one site. Takes about as long for an unknown user as for a wrong password.
     *
     * @return the actor, or empty for an unknown or deleted user, a wrong password or null arguments
     */
    public Optional<Actor> authenticate(long siteId, String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<User> user = findActive(siteId, username);
        if (user.isEmpty()) {
            PasswordHasher.verifyDecoy(password);
            return Optional.empty();
        }
        if (!PasswordHasher.verify(password, user.get().getPasswordHash())) {
            return Optional.empty();
        }
        return Optional.of(user.get().toActor());
    }

    /**
     * The actor for an already authenticated username (e.g. from the security context), with its current role.
     *
     * @return empty for an unknown, deleted or null username
     */
    public Optional<Actor> actorFor(long siteId, String username) {
        return findActive(siteId, username).map(User::toActor);
    }

    /**
     * The logged-in user's name, number and current reputation, for the top bar.
     *
     * @return empty for an unknown, deleted or null username
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // every logged-in page asks: no transaction of its own
    public Optional<UserRef> ref(long siteId, String username) {
        return findActive(siteId, username).map(User::ref);
    }

    /**
     * Creates a user with any role, for seeding and admin tools; same validation as {@link #register}.
     *
     * @throws InvalidInputException for a malformed username, display name or password (fields {@code username},
     *     {@code display}, {@code password}, all problems at once), or a null role
     * @throws ConflictException when the username is taken on this site
     * @throws NotFoundException when the site does not exist
     */
    public UserRef createUser(long siteId, String username, String displayName, String password, Role role) {
        FieldChecks checks = new FieldChecks();
        String name = checks.field("username", () -> User.checkUsername(username));
        String display = checks.field("display", () -> User.checkDisplayName(displayName));
        checks.field("password", () -> {
            User.checkPassword(password);
            return password;
        });
        checks.done();
        if (role == null) {
            throw new InvalidInputException("A role is required.");
        }
        String hash = PasswordHasher.hash(password); // slow: done before taking the lock
        Site site = em.find(Site.class, siteId, LockModeType.PESSIMISTIC_WRITE);
        if (site == null) {
            throw new NotFoundException("No such site.");
        }
        // Checked with the site row locked, so two registrations of one name cannot both pass.
        if (users.findByUsername(siteId, name).isPresent()) {
            throw new ConflictException("username", "The username \"" + name + "\" is taken.");
        }
        User user = new User(site, site.takeUserNumber(), name, display, hash, role, Instant.now());
        em.persist(user);
        log.log(Level.INFO, "User {0} ({1}) registered on site {2}", new Object[] {name, role, siteId});
        return user.ref();
    }

    /**
     * Makes a user of the admin's site a moderator ({@link Role#MODERATOR}) or a plain user again ({@link Role#USER}).
     * Server checks read the role from the database, so it holds at once; the user's pages show it from their next
     * log-in.
     *
     * @return the user, with the role now theirs
     * @throws NotAllowedException unless {@code actor} is an admin of that site; for an admin's own role or another
     *     admin's (admins are seeded, and stay admins)
     * @throws InvalidInputException for a role other than USER or MODERATOR
     * @throws NotFoundException when the site has no such user (or a deleted one)
     */
    public UserRef changeRole(Actor actor, long userNumber, Role role) {
        if (actor == null || !actor.isAdmin()) {
            throw new NotAllowedException("Only an admin of the site can appoint moderators.");
        }
        if (role != Role.USER && role != Role.MODERATOR) {
            throw new InvalidInputException("A user can be made a moderator or a plain user, not " + role + ".");
        }
        User user = users.findByNumber(actor.siteId(), userNumber)
                .filter(u -> !u.isDeleted())
                .orElseThrow(() -> new NotFoundException("No such user."));
        if (user.getRole() == Role.ADMIN) {
            throw new NotAllowedException("Admins keep their role; it is not changed here.");
        }
        if (user.getRole() != role) {
            user.changeRole(role);
            roleChanged.fire(new RoleChanged(actor.siteId(), user.getId()));
            log.log(Level.INFO, "User {0} of site {1} is now {2}, by admin {3}", new Object[] {
                userNumber, actor.siteId(), role, actor.userId()
            });
        }
        return user.ref();
    }

    /**
     * The role user {@code userId} has on site {@code siteId} now, read from the database (a session holds the one it
     * logged in with); empty for a user deleted or of another site.
     */
    public Optional<Role> currentRole(long siteId, long userId) {
        User user = em.find(User.class, userId);
        if (user == null || user.isDeleted() || user.getSite().getId() != siteId) {
            return Optional.empty();
        }
        return Optional.of(user.getRole());
    }

    /** The site's moderators (not admins), by name. */
    public List<UserRef> moderators(long siteId) {
        return em.createNamedQuery("User.listByRole", User.class)
                .setParameter("site", siteId)
                .setParameter("role", Role.MODERATOR)
                .getResultStream()
                .map(User::ref)
                .toList();
    }

    private Optional<User> findActive(long siteId, String username) {
        String name = User.normalizeUsername(username);
        return name == null
                ? Optional.empty()
                : users.findByUsername(siteId, name).filter(u -> !u.isDeleted());
    }
}
