package org.parley.errorlog;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** An MDB that fails every message (ExceptionLogIT), on a queue of its own that the test deployment defines. */
@JMSDestinationDefinition(
        name = FailingConsumer.QUEUE,
        interfaceName = "jakarta.jms.Queue",
        destinationName = "parleyErrorLogTest")
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = FailingConsumer.QUEUE),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class FailingConsumer implements MessageListener {

    static final String QUEUE = "java:global/jms/queue/parleyErrorLogTest";

    @Override
    public void onMessage(Message message) {
        throw new Failures.MessageFailure();
    }
}
