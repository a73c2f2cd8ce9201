package org.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.ClusterNode;
import org.parley.common.Role;
import org.parley.messaging.Destinations;
import org.parley.post.PostChanged;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.RemotePostChanged;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.ParleyDeployment;
import org.parley.user.UserService;

/** Committed changes go out on the events topic; changes from other servers come back as CDI events. */
@ExtendWith(ArquillianExtension.class)
class ClusterEventsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.withEjbBeans(ParleyDeployment.ear(ClusterEventsIT.class), RemoteChangeRecorder.class);
    }

    @Inject
    RemoteChangeRecorder recorder;

    @Inject
    JMSContext jms;

    @Resource(lookup = Destinations.EVENTS_TOPIC)
    Topic events;

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @Test
    void aCommittedQuestionIsPublishedWithThisServersName() throws Exception {
        String name = ParleyDeployment.unique("ev");
        SiteInfo site = sites.ensureSite(name + ".localhost", name, "Events " + name, "A site for one test");
        users.createUser(site.id(), "writer", "Writer", "correct-horse-battery", Role.USER);
        Actor writer = users.actorFor(site.id(), "writer").orElseThrow();
        try (JMSConsumer consumer = jms.createConsumer(events)) {
            QuestionSummary q = questions.ask(
                    writer,
                    "Does a published change reach the topic?",
                    "Asking a question commits a change that other servers must hear about.",
                    List.of("events"));
            MapMessage message = nextFor(consumer, site.id());
            assertEquals(q.number(), message.getLong("postNumber"));
            assertEquals("ASKED", message.getString("kind"));
            assertEquals(ClusterNode.name(), message.getString("origin"));
        }
        assertEquals(null, recorder.next(1, TimeUnit.SECONDS), "this server's own change is not remote");
    }

    @Test
    void aChangeFromAnotherServerIsFiredAsRemotePostChanged() throws Exception {
        MapMessage message = jms.createMapMessage();
        message.setLong("siteId", 424242L);
        message.setLong("questionNumber", 7L);
        message.setLong("postNumber", 9L);
        message.setString("kind", "VOTED");
        message.setString("origin", "another-server");
        jms.createProducer().send(events, message);

        RemotePostChanged seen = recorder.next(10, TimeUnit.SECONDS);
        assertNotNull(seen, "no RemotePostChanged within 10 s");
        assertEquals(new PostChanged(424242L, 7L, 9L, PostChanged.Kind.VOTED), seen.change());
        assertEquals("another-server", seen.origin());
    }

    private static MapMessage nextFor(JMSConsumer consumer, long siteId) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Message m = consumer.receive(1000);
            if (m instanceof MapMessage map && map.getLong("siteId") == siteId) {
                return map;
            }
        }
        throw new AssertionError("no change event for site " + siteId + " within 10 s");
    }
}
