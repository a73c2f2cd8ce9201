package org.parley.messaging;

/** JNDI names of the JMS destinations that wildfly-config/install-messaging.cli creates. */
public final class Destinations {

  /** One message per question page view; consumed by {@code QuestionViewedConsumer}. */
  public static final String VIEWS_QUEUE = "java:/jms/queue/parley/views";

  private Destinations() {}
}
