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

  /**
   * Committed notification changes (counters, the newest notification), published to every server; each server's WAR
   * consumes them ({@code NotificationTopicConsumer}) to push to the browsers and long-polls it holds. Not durable: a
   * browser that missed one asks for what is newer than the last number it saw.
   */
  public static final String NOTIFICATIONS_TOPIC = "java:/jms/topic/parley/notifications";

  private Destinations() {}
}
