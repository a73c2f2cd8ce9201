package org.parley.cache;

/** Names of the Infinispan resources that wildfly-config/install-shared-tier.cli creates for Parley. */
public final class CacheNames {

    /** Parley's cache container (ProtoStream marshalling, on the cluster's JGroups channel). */
    public static final String CONTAINER = "parley";

    /** The L2: a synchronously replicated cache, bounded in entries, holding stamps and marshalled values. */
    public static final String L2 = "l2";

    /** JNDI name under which WildFly binds the L2 cache. */
    public static final String L2_JNDI = "java:jboss/infinispan/cache/" + CONTAINER + "/" + L2;

    /**
     * The output cache's pages (Region PAGE), apart from the L2 because they are large: replicated like it, at most
     * 2,000 of at most {@link SharedCache#MAX_PAGE_BYTES} each per server, so bounded in memory too.
     */
    public static final String PAGES = "pages";

    /** JNDI name under which WildFly binds the pages cache. */
    public static final String PAGES_JNDI = "java:jboss/infinispan/cache/" + CONTAINER + "/" + PAGES;

    /** Each server's statistics, replicated so that any server shows the whole cluster's (see ClusterStats). */
    public static final String STATS = "stats";

    /** JNDI name under which WildFly binds the statistics cache. */
    public static final String STATS_JNDI = "java:jboss/infinispan/cache/" + CONTAINER + "/" + STATS;

    /**
     * Failed log-ins per account and per client address, replicated so that every server throttles on the whole
     * cluster's counts (see org.parley.user.LoginThrottle); also the API's requests per client address and day (see
     * org.parley.api.StackQuota), under keys of their own.
     */
    public static final String LOGINS = "logins";

    /** JNDI name under which WildFly binds the log-in counts cache. */
    public static final String LOGINS_JNDI = "java:jboss/infinispan/cache/" + CONTAINER + "/" + LOGINS;

    private CacheNames() {}
}
