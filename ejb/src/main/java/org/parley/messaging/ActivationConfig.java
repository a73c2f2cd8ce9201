package org.parley.messaging;

/**
 * Names and values of the activation-config properties Parley's message-driven beans set (the Jakarta Messaging
 * resource adapter's standard ones), so each consumer states only its destination and concurrency.
 */
public final class ActivationConfig {

    /** The JNDI name of the destination to consume, one of {@link Destinations}. */
    public static final String DESTINATION_LOOKUP = "destinationLookup";

    /** {@link #QUEUE} or {@link #TOPIC}. */
    public static final String DESTINATION_TYPE = "destinationType";

    /** How many messages one server consumes at once. */
    public static final String MAX_SESSION = "maxSession";

    public static final String QUEUE = "jakarta.jms.Queue";

    public static final String TOPIC = "jakarta.jms.Topic";

    private ActivationConfig() {}
}
