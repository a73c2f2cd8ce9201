package org.parley.site;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;
import org.parley.common.Actor;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;

/** Finding sites by host name and creating new ones. */
@Stateless
public class SiteService {

    @jakarta.inject.Inject
    private org.parley.site.AdminScope adminScope;

    private static final Logger log = Logger.getLogger(SiteService.class.getName());

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private SiteCache cache;

    @Inject
    private SharedCache shared;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /**
     * The site served on {@code host} (a Host header without port; case and a trailing port are ignored). Answers
     * come from a bounded cache that creating a site clears.
     *
     * @return empty for an unknown, null or malformed host
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // every request asks: no transaction of its own
    public Optional<SiteInfo> findByHost(String host) {
        String normalized = Site.normalizeHost(host);
        if (normalized == null) {
            return Optional.empty();
        }
        return cache.get(normalized, h -> find(h).map(Site::toInfo));
    }

    /** All sites, ordered by host. */
    public List<SiteInfo> list() {
        return em.createNamedQuery("Site.listByHost", Site.class)
                .getResultStream()
                .map(Site::toInfo)
                .toList();
    }

    /**
     * Creates a site. Only admins may.
     *
     * @throws NotAllowedException when {@code actor} is not one of the server's admins ({@link AdminScope})
     * @throws org.parley.rules.InvalidInputException for a malformed host, name, title or description
     * @throws ConflictException when the host is taken
     */
    public SiteInfo create(Actor actor, String host, String name, String title, String description) {
        adminScope.requireServerAdmin(actor, "create sites");
        Site site = new Site(host, name, title, description, Instant.now());
        if (find(site.getHost()).isPresent()) {
            throw new ConflictException("host", "There is already a site on " + site.getHost() + ".");
        }
        em.persist(site);
        em.flush();
        clearCacheOnCommit();
        log.log(Level.INFO, "Site {0} created by user {1}", new Object[] {site.getHost(), actor.userId()});
        return site.toInfo();
    }

    /**
     * Changes a site's title, description, language and host names. Only admins may. Pages that show the title are
     * dropped from the caches, and host lookups are cleared on every server.
     *
     * @param aliases further host names, one per line or separated by spaces or commas
     * @throws NotAllowedException when {@code actor} is not an admin of this site or of the server
     * @throws org.parley.rules.NotFoundException for an unknown site
     * @throws org.parley.rules.InvalidInputException for a malformed value, naming it
     * @throws ConflictException when another site answers on one of the host names
     */
    public SiteInfo update(
            Actor actor, long siteId, String title, String description, String language, String host, String aliases) {
        adminScope.requireAdminOf(actor, siteId, "change its settings");
        Site site = em.find(Site.class, siteId);
        if (site == null) {
            throw new org.parley.rules.NotFoundException("No site " + siteId + ".");
        }
        List<String> aliasList = aliases == null || aliases.isBlank()
                ? List.of()
                : List.of(aliases.strip().split("[\\s,]+"));
        // Checked before the change: the lookups below would flush it first, and the unique key would answer instead.
        List<String> hosts = new java.util.ArrayList<>(aliasList);
        hosts.add(0, host);
        for (int i = 0; i < hosts.size(); i++) {
            String normalized = Site.normalizeHost(hosts.get(i));
            Optional<Site> other = normalized == null ? Optional.empty() : find(normalized);
            if (other.isPresent() && !other.get().getId().equals(site.getId())) {
                throw new ConflictException(
                        i == 0 ? "host" : "aliases",
                        "The site " + other.get().getTitle() + " already answers on " + normalized + ".");
            }
        }
        site.edit(title, description, language, host, aliasList);
        em.flush();
        clearCacheOnCommit();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    // Every cached page of the site shows its title: lists, and question pages, whose keys name the
                    // lists scope too.
                    shared.invalidate(Scope.lists(site.getId()));
                }
            }
        });
        log.log(Level.INFO, "Site {0} changed by user {1}", new Object[] {site.getHost(), actor.userId()});
        return site.toInfo();
    }

    /**
     * Marks a site as imported from a Stack Exchange host, in a language. For the importer; no permission check.
     *
     * @throws org.parley.rules.InvalidInputException for a malformed language tag
     */
    public void markImported(long siteId, String sourceHost, String language) {
        Site site = em.find(Site.class, siteId);
        if (site != null) {
            site.importedFrom(sourceHost, language);
            clearCacheOnCommit();
        }
    }

    /**
     * The site on {@code host}, created with the given name, title and description if it does not exist yet (an
     * existing site is returned unchanged). For start-up code; no permission check.
     *
     * @throws org.parley.rules.InvalidInputException for malformed values of a site to be created
     */
    public SiteInfo ensureSite(String host, String name, String title, String description) {
        String normalized = Site.normalizeHost(host);
        Optional<Site> existing = normalized == null ? Optional.empty() : find(normalized);
        if (existing.isPresent()) {
            return existing.get().toInfo();
        }
        Site site = new Site(host, name, title, description, Instant.now());
        em.persist(site);
        em.flush();
        clearCacheOnCommit();
        log.log(Level.INFO, "Site {0} created", site.getHost());
        return site.toInfo();
    }

    /**
     * The site on {@code host}, created as {@link #ensureSite} does if it does not exist, with its post and user
     * counters moved past {@code postsThrough} and {@code usersThrough} in the same transaction, under the site row
     * lock that asking and signing up take before they draw a number. An import calls it before it writes a row, with
     * the highest numbers its dump names, so that a question asked or a user signed up while the import runs (or
     * after) never takes a number a dump row keeps: a new site is never visible with counters that low, and on an
     * existing one the counters only grow.
     *
     * @throws org.parley.rules.InvalidInputException for malformed values of a site to be created
     */
    public SiteInfo ensureSiteReserving(
            String host, String name, String title, String description, long postsThrough, long usersThrough) {
        String normalized = Site.normalizeHost(host);
        Optional<Site> existing = normalized == null ? Optional.empty() : find(normalized);
        Site site;
        if (existing.isPresent()) {
            // Re-read under the lock: counters read before it may be behind a writer that committed since.
            site = existing.get();
            em.refresh(site, LockModeType.PESSIMISTIC_WRITE);
        } else {
            site = new Site(host, name, title, description, Instant.now());
            em.persist(site);
            log.log(Level.INFO, "Site {0} created", site.getHost());
        }
        site.reservePostNumbersThrough(postsThrough);
        site.reserveUserNumbersThrough(usersThrough);
        em.flush();
        clearCacheOnCommit();
        return site.toInfo();
    }

    /**
     * Switches math rendering (TeX between {@code $...$} and {@code $$...$$}) on or off for a site. Only admins may.
     * Posts saved from now on protect their math from Markdown; pages load KaTeX only where the site has it on.
     *
     * @throws NotAllowedException when {@code actor} is not an admin of this site or of the server
     * @throws org.parley.rules.NotFoundException when there is no such site
     */
    public SiteInfo changeMath(Actor actor, long siteId, boolean on) {
        adminScope.requireAdminOf(actor, siteId, "change its settings");
        Site site = em.find(Site.class, siteId);
        if (site == null) {
            throw new org.parley.rules.NotFoundException("No such site.");
        }
        site.changeMath(on);
        // Cached pages (the anonymous output cache keeps whole pages per site) were rendered with the old setting.
        clearCacheOnCommit(() -> cache.clearWithPages(siteId));
        log.log(Level.INFO, "Math rendering {0} on site {1} by user {2}", new Object[] {
            on ? "on" : "off", site.getHost(), actor.userId()
        });
        return site.toInfo();
    }

    /**
     * Sets the reputation each privilege needs on a site (Stack Overflow's where {@code thresholds} has none; an empty
     * map restores them all). Only admins may. Every service reads the ladder from the site, so the change holds for
     * pages and the API at once, on every server once the cached site is dropped.
     *
     * @throws NotAllowedException when {@code actor} is not an admin of this site or of the server
     * @throws InvalidInputException (field {@code thresholds}) for a threshold out of range
     * @throws org.parley.rules.NotFoundException when there is no such site
     */
    public SiteInfo changePrivileges(Actor actor, long siteId, Map<Privilege, Integer> thresholds) {
        adminScope.requireAdminOf(actor, siteId, "change its settings");
        PrivilegeLadder ladder = PrivilegeLadder.of(thresholds);
        Site site = em.find(Site.class, siteId);
        if (site == null) {
            throw new org.parley.rules.NotFoundException("No such site.");
        }
        site.setPrivileges(ladder);
        clearCacheOnCommit(() -> cache.clearWithPages(siteId));
        log.log(Level.INFO, "Privilege thresholds of site {0} set to [{1}] by user {2}", new Object[] {
            site.getHost(), ladder.encoded(), actor.userId()
        });
        return site.toInfo();
    }

    /**
     * Sets a site's anti-abuse limits (Stack Overflow's where {@code values} has none; an empty map restores them
     * all). Only admins may. The services read the limits from the site row, so the change holds at once for pages and
     * the API; the cached site (and the admin page) follow once it is dropped.
     *
     * @throws NotAllowedException when {@code actor} is not an admin of this site or of the server
     * @throws InvalidInputException (field {@code limits}) for a value out of range
     * @throws org.parley.rules.NotFoundException when there is no such site
     */
    public SiteInfo changeLimits(Actor actor, long siteId, Map<Limit, Integer> values) {
        adminScope.requireAdminOf(actor, siteId, "change its settings");
        SiteLimits limits = SiteLimits.of(values);
        Site site = em.find(Site.class, siteId);
        if (site == null) {
            throw new org.parley.rules.NotFoundException("No such site.");
        }
        site.setLimits(limits);
        clearCacheOnCommit();
        log.log(Level.INFO, "Limits of site {0} set to [{1}] by user {2}", new Object[] {
            site.getHost(), limits.encoded(), actor.userId()
        });
        return site.toInfo();
    }

    /**
     * Sets the reasons a site offers for closing a question as off-topic (the defaults when {@code reasons} has none).
     * Only admins may. Votes cast before keep the reason they gave.
     *
     * @throws NotAllowedException when {@code actor} is not an admin of this site or of the server
     * @throws InvalidInputException (field {@code offTopicReasons}) for a reason of the wrong length, or too many
     * @throws org.parley.rules.NotFoundException when there is no such site
     */
    public List<String> changeOffTopicReasons(Actor actor, long siteId, List<String> reasons) {
        adminScope.requireAdminOf(actor, siteId, "change its settings");
        OffTopicReasons list = OffTopicReasons.of(reasons == null ? List.of() : reasons);
        Site site = em.find(Site.class, siteId);
        if (site == null) {
            throw new org.parley.rules.NotFoundException("No such site.");
        }
        site.setOffTopicReasons(list);
        log.log(Level.INFO, "Off-topic reasons of site {0} set ({1}) by user {2}", new Object[] {
            site.getHost(), list.list().size(), actor.userId()
        });
        return site.offTopicReasons().list();
    }

    /**
     * The reasons a site offers for closing a question as off-topic: its own, or Stack Overflow's.
     *
     * @throws org.parley.rules.NotFoundException when there is no such site
     */
    public List<String> offTopicReasons(long siteId) {
        Site site = em.find(Site.class, siteId);
        if (site == null) {
            throw new org.parley.rules.NotFoundException("No such site.");
        }
        return site.offTopicReasons().list();
    }

    /** Whether the site's posts show TeX math; false for an unknown site. */
    public boolean mathEnabled(long siteId) {
        Site site = em.find(Site.class, siteId);
        return site != null && site.isMath();
    }

    /** Clears once the new site is visible to others; a lookup in between would cache it as missing. */
    private void clearCacheOnCommit() {
        clearCacheOnCommit(cache::clear);
    }

    private void clearCacheOnCommit(Runnable clear) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    clear.run();
                }
            }
        });
    }

    private Optional<Site> find(String normalizedHost) {
        return em
                .createNamedQuery("Site.findByHost", Site.class)
                .setParameter("host", normalizedHost)
                .getResultList() // not a stream: findByHost reads outside a transaction
                .stream()
                .findFirst();
    }
}
