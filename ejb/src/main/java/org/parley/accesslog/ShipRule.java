package org.parley.accesslog;

/**
 * When a node ships its local rows: when it is quiet (its request rate over the last interval and its process's CPU
 * load at or under their limits), or, however busy, when the backlog has reached the high-water mark (a node busy for
 * days must not fill its disk). Nothing waiting, nothing to do.
 *
 * @param maxRequestsPerSecond the request rate at or under which the node counts as quiet
 * @param maxCpuLoad the process CPU load (0..1) at or under which the node counts as quiet
 * @param highWater the backlog that ships regardless of load
 */
public record ShipRule(double maxRequestsPerSecond, double maxCpuLoad, long highWater) {

    /** The settings from system properties, with their defaults. */
    public static ShipRule fromSystemProperties() {
        return new ShipRule(
                Double.parseDouble(System.getProperty("parley.accesslog.quiet-requests-per-second", "20")),
                Double.parseDouble(System.getProperty("parley.accesslog.quiet-cpu", "0.5")),
                Long.parseLong(System.getProperty("parley.accesslog.high-water", "100000")));
    }

    /**
     * Whether to ship now.
     *
     * @param backlog rows waiting in the local file
     * @param requestsPerSecond the node's request rate over the last interval
     * @param cpuLoad the process's recent CPU load (0..1), negative when the JVM cannot tell
     */
    public boolean ship(long backlog, double requestsPerSecond, double cpuLoad) {
        if (backlog <= 0) {
            return false;
        }
        if (backlog >= highWater) {
            return true;
        }
        return requestsPerSecond <= maxRequestsPerSecond && (cpuLoad < 0 || cpuLoad <= maxCpuLoad);
    }
}
