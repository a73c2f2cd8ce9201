package org.parley.common;

import java.lang.management.ManagementFactory;

/** This server's name in the cluster: WildFly's {@code jboss.node.name}, else the JVM's own name. */
public final class ClusterNode {

    private static final String NAME = System.getProperty(
            "jboss.node.name", ManagementFactory.getRuntimeMXBean().getName());

    private ClusterNode() {}

    public static String name() {
        return NAME;
    }
}
