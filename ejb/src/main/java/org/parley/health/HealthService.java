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
import java.util.Map;

/** Checks the components a request or a background job depends on, each on its own, so one failure names itself. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthService {

  /** The outcome of one check: up or down, with the reason when down. */
  public record Check(boolean up, String detail) {}

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  @Resource(lookup = "java:/ConnectionFactory")
  private ConnectionFactory connectionFactory;

  /** Runs every check; never throws. */
  public Map<String, Check> check() {
    Map<String, Check> checks = new LinkedHashMap<>();
    checks.put("database", database());
    checks.put("broker", broker());
    return checks;
  }

  private Check database() {
    try {
      Number sites = (Number) em.createQuery("select count(s) from Site s").getSingleResult();
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
}
