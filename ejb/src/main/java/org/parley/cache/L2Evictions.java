package org.parley.cache;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The L2's eviction count on this server, as WildFly's management model reports it (through the JMX view of the
 * model that the jmx subsystem exposes): Infinispan's own statistics API is not among the packages WildFly exports
 * to deployments.
 */
final class L2Evictions {

    private static final Logger log = Logger.getLogger(L2Evictions.class.getName());
    private static final String RESOURCE =
            "jboss.as:subsystem=infinispan,cache-container=" + CacheNames.CONTAINER + ",cache=" + CacheNames.L2;

    private L2Evictions() {}

    /** The count, or -1 when the model cannot be read. */
    static long read() {
        try {
            Object value =
                    ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(RESOURCE), "evictions");
            return value instanceof Number n ? n.longValue() : -1;
        } catch (JMException | RuntimeException e) {
            log.log(Level.FINE, "Cannot read the L2 eviction count: {0}", e.toString());
            return -1;
        }
    }
}
