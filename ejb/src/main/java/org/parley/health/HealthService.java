package org.parley.health;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.infinispan.Cache;
import org.infinispan.distribution.DistributionManager;
import org.infinispan.distribution.LocalizedCacheTopology;
import org.infinispan.remoting.transport.Address;
import org.parley.cache.CacheNames;
import org.parley.messaging.Destinations;

/** Checks the components a request or a background job depends on, each on its own, so one failure names itself. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthService {

    /** The outcome of one check: up or down, with the reason when down. */
    public record Check(boolean up, String detail) {}

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = CacheNames.L2_JNDI)
    private Cache<String, Object> l2;

    /** Runs every check; never throws. */
    public Map<String, Check> check() {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("database", database());
        checks.put("broker", broker());
        checks.put("cache", cache());
        return checks;
    }

    private Check database() {
        try {
            Number sites =
                    (Number) em.createQuery("select count(s) from Site s").getSingleResult();
            return new Check(true, sites + " sites");
        } catch (RuntimeException e) {
            return new Check(false, e.toString());
        }
    }

    private Check broker() {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer(); // fails when the broker is not there
            return new Check(true, "connected");
        } catch (RuntimeException e) {
            return new Check(false, e.toString());
        }
    }

    /**
     * The shared L2 cache: down unless it is running. The detail names the cluster members that hold it and whether a
     * rebalance (state transfer after a server joined or left) is in progress; a rebalance does not make a server
     * unhealthy, since every server takes part in it when one joins or dies, and taking them all out of the load
     * balancer at that moment would turn one server's failure into an outage.
     */
    private Check cache() {
        try {
            if (l2 == null) {
                return new Check(false, "no L2 cache");
            }
            // Only what WildFly's public org.infinispan module exports (not org.infinispan.lifecycle or .remoting.rpc).
            if (!l2.getCacheManager().isRunning(l2.getName())) {
                return new Check(false, "L2 not running");
            }
            DistributionManager distribution = l2.getAdvancedCache().getDistributionManager();
            if (distribution == null) {
                return new Check(true, "L2 running, local (no cluster)");
            }
            LocalizedCacheTopology topology = distribution.getCacheTopology();
            List<Address> members = topology.getMembers();
            return new Check(
                    true,
                    "L2 running, "
                            + members.size()
                            + " members "
                            + members.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"))
                            + ", topology "
                            + topology.getTopologyId()
                            + ", rebalance "
                            + (distribution.isRehashInProgress() ? "in progress" : "none"));
        } catch (RuntimeException | LinkageError e) {
            return new Check(false, e.toString());
        }
    }
}
