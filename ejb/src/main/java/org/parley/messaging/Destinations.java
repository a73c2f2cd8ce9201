package org.parley.messaging;

/** JNDI names of the JMS destinations that wildfly-config/install-messaging.cli creates. */
public final class Destinations {

  /** One message per question page view; consumed by {@code QuestionViewedConsumer}. */
  public static final String VIEWS_QUEUE = "java:/jms/queue/parley/views";

  /**
   * Committed changes, published to every server; consumed by {@code ClusterEventConsumer} on each of them. Not
   * durable: a server that was down catches up by row version instead.
   */
  public static final String EVENTS_TOPIC = "java:/jms/topic/parley/events";

  private Destinations() {}
}
