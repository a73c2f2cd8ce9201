package org.parley.cache;

/** Names of the Infinispan resources that wildfly-config/install-shared-tier.cli creates for Parley. */
public final class CacheNames {

    /** Parley's cache container (ProtoStream marshalling, on the cluster's JGroups channel). */
    public static final String CONTAINER = "parley";

    /** The L2: a synchronously replicated cache, bounded in entries, holding stamps and marshalled values. */
    public static final String L2 = "l2";

    /** JNDI name under which WildFly binds the L2 cache. */
    public static final String L2_JNDI = "java:jboss/infinispan/cache/" + CONTAINER + "/" + L2;

    /** Each server's statistics, replicated so that any server shows the whole cluster's (see ClusterStats). */
    public static final String STATS = "stats";

    /** JNDI name under which WildFly binds the statistics cache. */
    public static final String STATS_JNDI = "java:jboss/infinispan/cache/" + CONTAINER + "/" + STATS;

    private CacheNames() {}
}
