package org.parley.user;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.parley.cache.CacheNames;
import org.parley.rules.RateLimitedException;
import org.parley.user.LoginLimit.Failures;

/**
 * Slows password guessing down, and keeps it from costing the servers' CPU: failed log-ins are counted per account
 * (site and username) and per client address, in the replicated cache {@code logins} that every server of the cluster
 * reads from its own replica, and beyond a few each further attempt must wait twice as long as the one before
 * ({@link LoginLimit}). A caller asks {@link #admit} <em>before</em> it checks the password, so a refused attempt
 * costs one local cache read and no PBKDF2, and is answered at once with a {@link RateLimitedException} (HTTP 429 and
 * {@code Retry-After}); no request thread ever sleeps.
 *
 * <p>An admitted attempt is counted as a failure at once, by a conditional replace that only one of several
 * concurrent attempts can win, so that a burst of simultaneous guesses cannot all slip through between a check and a
 * count. {@link #succeeded} then clears the account's failures and takes the attempt back from the address (not the
 * address's other failures: a guesser who also owns an account must not reset the address by logging in to it).
 *
 * <p>Limits come from system properties read when the application starts ({@code parley.login.account.*} and {@code
 * parley.login.address.*}, see {@link LoginLimit#fromSystemProperties}). Outside WildFly (unit tests) the counts live
 * in a map in this JVM.
 */
@ApplicationScoped
public class LoginThrottle {

    /** System property prefix of the per-account limit. */
    public static final String ACCOUNT_PROPERTIES = "parley.login.account";

    /** System property prefix of the per-address limit. */
    public static final String ADDRESS_PROPERTIES = "parley.login.address";

    /** System property prefix of the per-address sign-up limit. */
    public static final String SIGN_UP_PROPERTIES = "parley.signup.address";

    /** Usernames and addresses are cut to this length in keys: longer ones are no user's, and keys stay bounded. */
    static final int MAX_KEY_PART = 64;

    /** How often a count is retried when other attempts on the same key keep changing it in between. */
    private static final int CAS_TRIES = 16;

    private static final Logger log = Logger.getLogger(LoginThrottle.class.getName());

    @Resource(lookup = CacheNames.LOGINS_JNDI)
    private Cache<String, Object> logins;

    private final ConcurrentMap<String, Object> local;
    private final LongSupplier clock;
    private final LoginLimit accountLimit;
    private final LoginLimit addressLimit;
    private final LoginLimit signUpLimit;

    /** One admitted attempt: the keys it was counted under, for {@link #succeeded}. */
    public record Attempt(String accountKey, String addressKey) {}

    public LoginThrottle() {
        this(
                System::currentTimeMillis,
                LoginLimit.fromSystemProperties(ACCOUNT_PROPERTIES, LoginLimit.ACCOUNT_DEFAULT),
                LoginLimit.fromSystemProperties(ADDRESS_PROPERTIES, LoginLimit.ADDRESS_DEFAULT),
                LoginLimit.fromSystemProperties(SIGN_UP_PROPERTIES, LoginLimit.SIGN_UP_DEFAULT));
    }

    /** A throttle without the shared tier (counts in this JVM), on {@code clock}'s milliseconds: for unit tests. */
    public LoginThrottle(LongSupplier clock, LoginLimit accountLimit, LoginLimit addressLimit) {
        this(clock, accountLimit, addressLimit, LoginLimit.SIGN_UP_DEFAULT);
    }

    /** As above, with the sign-up limit too. */
    public LoginThrottle(LongSupplier clock, LoginLimit accountLimit, LoginLimit addressLimit, LoginLimit signUpLimit) {
        this.local = new ConcurrentHashMap<>();
        this.clock = clock;
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
        this.signUpLimit = signUpLimit;
    }

    /**
     * Counts one sign-up from {@code clientAddress} on site {@code siteId}, or refuses it: every sign-up counts (a
     * made account is not taken back), so a script making accounts from one address slows to one an hour, on every
     * server at once. Call before the account is created.
     *
     * @throws RateLimitedException when the address has signed up too often lately; its message says how long to wait
     */
    public void admitSignUp(long siteId, String clientAddress) {
        String key = signUpKey(siteId, clientAddress);
        long wait = count(key, signUpLimit, clock.getAsLong());
        if (wait > 0) {
            log.log(Level.FINE, "Sign-up refused for address {0} for {1} ms", new Object[] {clientAddress, wait});
            throw new RateLimitedException(
                    "Too many sign-ups from your network address; try again in " + inWords(wait) + ".",
                    Duration.ofMillis(wait));
        }
    }

    /**
     * Lets one log-in attempt for {@code username} on site {@code siteId} from {@code clientAddress} go ahead and
     * counts it as a failure until {@link #succeeded} says otherwise, or refuses it. Call before checking the
     * password. The address is checked first, so a refused address leaves the account's count alone.
     *
     * @param username as typed (trimmed and lower-cased here); null counts as empty
     * @param clientAddress the caller's address as the load balancer saw it; null counts as "unknown"
     * @throws RateLimitedException when the account or the address must wait; its message says which and how long
     */
    public Attempt admit(long siteId, String username, String clientAddress) {
        Attempt attempt = new Attempt(accountKey(siteId, username), addressKey(clientAddress));
        long now = clock.getAsLong();
        long addressWait = count(attempt.addressKey(), addressLimit, now);
        if (addressWait > 0) {
            log.log(Level.FINE, "Log-in refused for address {0} for {1} ms", new Object[] {clientAddress, addressWait});
            throw new RateLimitedException(
                    "Too many failed log-ins from your network address; try again in " + inWords(addressWait) + ".",
                    Duration.ofMillis(addressWait));
        }
        long accountWait = count(attempt.accountKey(), accountLimit, now);
        if (accountWait > 0) {
            takeBack(attempt.addressKey(), addressLimit);
            log.log(Level.FINE, "Log-in refused for account {0} for {1} ms", new Object[] {
                attempt.accountKey(), accountWait
            });
            throw new RateLimitedException(
                    "Too many failed log-ins for this account; try again in " + inWords(accountWait) + ".",
                    Duration.ofMillis(accountWait));
        }
        return attempt;
    }

    /** A sign-up {@link #admitSignUp} counted made no account (a taken name, a short password): it does not count. */
    public void signUpRefused(long siteId, String clientAddress) {
        takeBack(signUpKey(siteId, clientAddress), signUpLimit);
    }

    private static String signUpKey(long siteId, String clientAddress) {
        return "signup/" + siteId + "/" + cut(clientAddress == null ? "unknown" : clientAddress);
    }

    /** The admitted {@code attempt} had the right password: clears its account's failures, takes it back from the address. */
    public void succeeded(Attempt attempt) {
        store().remove(attempt.accountKey());
        takeBack(attempt.addressKey(), addressLimit);
    }

    /** The failures counted now for {@code username} on site {@code siteId}, 0 for none: for tests. */
    int accountFailures(long siteId, String username) {
        Failures failures = Failures.parse(store().get(accountKey(siteId, username)));
        return failures == null ? 0 : failures.count();
    }

    /**
     * Counts one attempt under {@code key}, unless it must wait.
     *
     * @return 0 when counted (the attempt may go ahead), else the milliseconds it must wait
     */
    private long count(String key, LoginLimit limit, long now) {
        ConcurrentMap<String, Object> store = store();
        for (int i = 0; i < CAS_TRIES; i++) {
            Object stored = store.get(key);
            Failures failures = Failures.parse(stored);
            long wait = limit.waitMillis(failures, now);
            if (wait > 0) {
                return wait;
            }
            String next = limit.plusOne(failures, now).encode();
            boolean won = stored == null ? putIfAbsent(key, next, limit) : replace(key, stored, next, limit);
            if (won) {
                return 0;
            }
        }
        // Others kept counting on this key all the while: a flood. Refuse rather than hash.
        return 1000;
    }

    /** Takes one counted attempt back from {@code key} (the attempt succeeded, or was refused by the other limit). */
    private void takeBack(String key, LoginLimit limit) {
        ConcurrentMap<String, Object> store = store();
        for (int i = 0; i < CAS_TRIES; i++) {
            Object stored = store.get(key);
            Failures failures = Failures.parse(stored);
            if (failures == null) {
                return;
            }
            boolean done = failures.count() <= 1
                    ? store.remove(key, stored)
                    : replace(key, stored, new Failures(failures.count() - 1, failures.lastMillis()).encode(), limit);
            if (done) {
                return;
            }
        }
    }

    private boolean putIfAbsent(String key, String value, LoginLimit limit) {
        return logins != null
                ? logins.putIfAbsent(key, value, limit.window().toMillis(), TimeUnit.MILLISECONDS) == null
                : local.putIfAbsent(key, value) == null;
    }

    private boolean replace(String key, Object old, String value, LoginLimit limit) {
        return logins != null
                ? logins.replace(key, old, value, limit.window().toMillis(), TimeUnit.MILLISECONDS)
                : local.replace(key, old, value);
    }

    private ConcurrentMap<String, Object> store() {
        return logins != null ? logins : local;
    }

    static String accountKey(long siteId, String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "account/" + siteId + "/" + cut(name);
    }

    static String addressKey(String clientAddress) {
        return "address/" + cut(clientAddress == null ? "unknown" : clientAddress);
    }

    private static String cut(String s) {
        return s.length() <= MAX_KEY_PART ? s : s.substring(0, MAX_KEY_PART);
    }

    /** A wait as a person reads it: "1 second", "8 seconds", and from a minute up "2 minutes", "15 minutes". */
    static String inWords(long millis) {
        long seconds = Math.max(1, (millis + 999) / 1000);
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        return RateLimitedException.inWords(Duration.ofSeconds(seconds));
    }
}
