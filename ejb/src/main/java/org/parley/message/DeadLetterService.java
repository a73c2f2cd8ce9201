package org.parley.message;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.parley.common.Actor;
import org.parley.messaging.Destinations;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;

/**
 * The dead-letter queue of message delivery jobs, for admins: what is in it, retry (the job goes back to the
 * delivery queue) and discard (the job is dropped and its message marked failed). Both move the job inside one JTA
 * transaction with the database change, through the XA connection factory.
 */
@Stateless
public class DeadLetterService {

    @jakarta.inject.Inject
    private org.parley.site.AdminScope adminScope;

    /** The most jobs listed at once. */
    public static final int MAX_LISTED = 200;

    private static final Logger log = Logger.getLogger(DeadLetterService.class.getName());
    private static final Pattern JOB_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,80}");

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    @JMSConnectionFactory(Destinations.XA_CONNECTION_FACTORY)
    private JMSContext jms;

    @Resource(lookup = Destinations.MESSAGES_DEAD_QUEUE)
    private Queue dead;

    @Inject
    private MessageJobs jobs;

    /**
     * The dead-lettered jobs, oldest first (at most {@value #MAX_LISTED}).
     *
     * @throws NotAllowedException unless {@code admin} is an admin
     */
    public List<DeadLetter> list(Actor admin) {
        requireAdmin(admin);
        List<DeadLetter> all = new ArrayList<>();
        for (Message job : browse()) {
            if (all.size() == MAX_LISTED) {
                break;
            }
            try {
                long messageId = job.getLongProperty(Destinations.MESSAGE_ID);
                PrivateMessage m = em.find(PrivateMessage.class, messageId);
                String summary = m == null
                        ? "No such message (it no longer exists)."
                        : m.getSender().getDisplayName()
                                + " → "
                                + m.getRecipient().getDisplayName()
                                + ": "
                                + MessageRules.excerpt(m.getBodyHtml())
                                + " ("
                                + m.getState().name().toLowerCase(java.util.Locale.ROOT)
                                + ")";
                Instant queued = job.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(job.getJMSTimestamp()) : null;
                all.add(new DeadLetter(job.getJMSMessageID(), messageId, queued, summary));
            } catch (JMSException | NumberFormatException e) {
                log.log(Level.WARNING, "Unreadable job in the dead-letter queue: {0}", e.toString());
            }
        }
        return all;
    }

    /** The ids of the messages whose jobs are in the dead-letter queue (the outbox sweeper leaves those alone). */
    public Set<Long> deadMessageIds() {
        Set<Long> ids = new HashSet<>();
        for (Message job : browse()) {
            try {
                if (job.propertyExists(Destinations.MESSAGE_ID)) {
                    ids.add(job.getLongProperty(Destinations.MESSAGE_ID));
                }
            } catch (JMSException e) {
                log.log(Level.WARNING, "Unreadable job in the dead-letter queue: {0}", e.toString());
            }
        }
        return ids;
    }

    /**
     * Moves a dead-lettered job back to the delivery queue, which tries it again from scratch (five more attempts).
     *
     * @return the message id
     * @throws NotAllowedException unless {@code admin} is an admin
     * @throws NotFoundException when no such job is in the dead-letter queue (already retried or discarded)
     */
    public long retry(Actor admin, String jobId) {
        requireAdmin(admin);
        long messageId = take(jobId);
        PrivateMessage m = em.find(PrivateMessage.class, messageId);
        if (m != null) {
            m.requeued(Instant.now());
        }
        jobs.enqueue(messageId);
        log.log(Level.INFO, "Dead-lettered job {0} of message {1} retried", new Object[] {jobId, messageId});
        return messageId;
    }

    /**
     * Drops a dead-lettered job; its message, if still pending, is marked failed and never delivered.
     *
     * @return the message id
     * @throws NotAllowedException unless {@code admin} is an admin
     * @throws NotFoundException when no such job is in the dead-letter queue
     */
    public long discard(Actor admin, String jobId) {
        requireAdmin(admin);
        long messageId = take(jobId);
        PrivateMessage m = em.find(PrivateMessage.class, messageId);
        if (m != null) {
            m.fail();
        }
        log.log(Level.INFO, "Dead-lettered job {0} of message {1} discarded", new Object[] {jobId, messageId});
        return messageId;
    }

    /** Receives (in this transaction) the job with JMS id {@code jobId} from the dead-letter queue. */
    private long take(String jobId) {
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw new InvalidInputException("That is not a job id.");
        }
        try (JMSConsumer consumer = jms.createConsumer(dead, "JMSMessageID = '" + jobId + "'")) {
            Message job = consumer.receive(2000);
            if (job == null) {
                throw new NotFoundException("That job is no longer in the dead-letter queue.");
            }
            return job.getLongProperty(Destinations.MESSAGE_ID);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable dead-lettered job " + jobId, e);
        }
    }

    private List<Message> browse() {
        try (QueueBrowser browser = jms.createBrowser(dead)) {
            Enumeration<?> e = browser.getEnumeration();
            List<Message> all = new ArrayList<>();
            for (Object o : Collections.list(e)) {
                all.add((Message) o);
            }
            return all;
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse the dead-letter queue", e);
        }
    }

    /** Dead letters hold every site's messages: the server's admins only. */
    private void requireAdmin(Actor admin) {
        adminScope.requireServerAdmin(admin, "read and redeliver dead letters");
    }
}
