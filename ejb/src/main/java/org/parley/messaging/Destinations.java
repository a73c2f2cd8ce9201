package org.parley.messaging;

/** JNDI names of the JMS destinations that wildfly-config/install-jms-destinations.cli creates. */
public final class Destinations {

    /**
     * One message per question page view (long properties {@value #VIEW_SITE_ID} and {@value #VIEW_QUESTION_NUMBER});
     * consumed by {@code QuestionViewedConsumer}.
     */
    public static final String VIEWS_QUEUE = "java:/jms/queue/parley/views";

    /** The JMS property of a view message that names the site. */
    public static final String VIEW_SITE_ID = "siteId";

    /** The JMS property of a view message that names the question by its number on the site. */
    public static final String VIEW_QUESTION_NUMBER = "number";

    /**
     * Committed changes, published to every server; consumed by {@code ClusterEventConsumer} on each of them. Not
     * durable: a server that was down catches up by row version instead.
     */
    public static final String EVENTS_TOPIC = "java:/jms/topic/parley/events";

    /**
     * One job per private message to deliver (a long property {@value #MESSAGE_ID}); consumed by {@code
     * MessageDeliveryConsumer}. Created by wildfly-config/install-private-message-queues.cli, which also sets its redelivery back-off.
     */
    public static final String MESSAGES_QUEUE = "java:/jms/queue/parley/messages";

    /** Where a message job lands after {@value #MESSAGES_MAX_ATTEMPTS} failed deliveries; the admin page lists it. */
    public static final String MESSAGES_DEAD_QUEUE = "java:/jms/queue/parley/messages-dead";

    /** The Artemis queue names behind {@link #MESSAGES_QUEUE} and {@link #MESSAGES_DEAD_QUEUE}. */
    public static final String MESSAGES_QUEUE_NAME = "ParleyMessages";

    public static final String MESSAGES_DEAD_QUEUE_NAME = "ParleyMessagesDead";

    /** Delivery attempts before a message job is dead-lettered (install-private-message-queues.cli sets the same number). */
    public static final int MESSAGES_MAX_ATTEMPTS = 5;

    /** The JMS property of a message job that names the private message. */
    public static final String MESSAGE_ID = "messageId";

    /**
     * One badge check per job (long properties {@value #BADGE_SITE_ID} and {@value #BADGE_USER_NUMBER}): a user did
     * something that may earn a badge; consumed by {@code BadgeCheckConsumer}. Created by
     * wildfly-config/install-badge-queues.cli, which also sets its redelivery back-off and dead-letter queue.
     */
    public static final String BADGES_QUEUE = "java:/jms/queue/parley/badges";

    /** Where a badge check lands after {@value #BADGES_MAX_ATTEMPTS} failed attempts. */
    public static final String BADGES_DEAD_QUEUE = "java:/jms/queue/parley/badges-dead";

    /** The Artemis queue names behind {@link #BADGES_QUEUE} and {@link #BADGES_DEAD_QUEUE}. */
    public static final String BADGES_QUEUE_NAME = "ParleyBadges";

    public static final String BADGES_DEAD_QUEUE_NAME = "ParleyBadgesDead";

    /** Attempts before a badge check is dead-lettered (install-badge-queues.cli sets the same number). */
    public static final int BADGES_MAX_ATTEMPTS = 5;

    /** The JMS property of a badge check that names the site. */
    public static final String BADGE_SITE_ID = "siteId";

    /** The JMS property of a badge check that names the user by their number on the site. */
    public static final String BADGE_USER_NUMBER = "userNumber";

    /** The plain connection factory, outside transactions (the health check's broker probe). */
    public static final String CONNECTION_FACTORY = "java:/ConnectionFactory";

    /** The pooled, XA-capable connection factory: a send through it commits or rolls back with the JTA transaction. */
    public static final String XA_CONNECTION_FACTORY = "java:/JmsXA";

    /**
     * Committed notification changes (counters, the newest notification), published to every server; each server's WAR
     * consumes them ({@code NotificationTopicConsumer}) to push to the browsers and long-polls it holds. Not durable: a
     * browser that missed one asks for what is newer than the last number it saw.
     */
    public static final String NOTIFICATIONS_TOPIC = "java:/jms/topic/parley/notifications";

    private Destinations() {}
}
