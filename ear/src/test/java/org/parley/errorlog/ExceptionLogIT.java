package org.parley.errorlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.user.UserService;

/**
 * Each kind of component throws (a servlet page, a REST call, an MDB, a timer, a batch step) and its error is found in the
 * exception log with its route; a repeat raises the count of the same row. Expected failures (a 404) stay out.
 */
@ExtendWith(ArquillianExtension.class)
class ExceptionLogIT {

    static final String ADMIN = "erradmin";

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear =
                ParleyDeployment.ear(ExceptionLogIT.class, Http.class, Page.class, Rest.class, FailingConsumer.class);
        ParleyDeployment.withEjbBeans(
                ear,
                FailingTimer.class,
                FailingBatchlet.class,
                Failures.class,
                Failures.PageFailure.class,
                Failures.RestFailure.class,
                Failures.TimerFailure.class,
                Failures.BatchFailure.class,
                Failures.MessageFailure.class);
        ear.getAsType(JavaArchive.class, "parley-ejb.jar")
                .addAsManifestResource(new StringAsset("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <job id="errorlog-test" xmlns="https://jakarta.ee/xml/ns/jakartaee" version="2.0">
                          <step id="fail">
                            <listeners><listener ref="errorLogStepListener"/></listeners>
                            <batchlet ref="failingBatchlet"/>
                          </step>
                        </job>
                        """), "batch-jobs/errorlog-test.xml");
        return ear;
    }

    @EJB
    ErrorLog log;

    @EJB
    ErrorLogService service;

    @EJB
    UserService users;

    @EJB
    SiteService sites;

    @EJB
    FailingTimer timer;

    @Inject
    JMSContext jms;

    Actor admin;

    @BeforeEach
    void admin() {
        long local = sites.findByHost("localhost").orElseThrow().id();
        if (users.actorFor(local, ADMIN).isEmpty()) {
            users.createUser(local, ADMIN, "Error Admin", "correct-horse-battery", Role.ADMIN);
        }
        admin = users.actorFor(local, ADMIN).orElseThrow();
        // The test server keeps its database between runs: this test's errors start from nothing.
        log.flush();
        service.list(admin, Failures.class.getName()).forEach(e -> service.clear(admin, e.getId()));
    }

    @Test
    void aPageErrorIsLoggedOnceWithItsCountAndContext() throws Exception {
        assertEquals(500, Http.get("localhost", "/test/errorlog/page").status());
        ErrorLogEntry first = await(Failures.PageFailure.class, 1);
        assertTrue(first.getUrl().contains("/test/errorlog/page"), first.getUrl());
        assertTrue(first.getStack().contains("PageFailure"), first.getStack());
        assertTrue(first.getRequestId() != null && !first.getRequestId().isBlank());
        assertEquals("localhost", first.getSite());
        assertEquals(500, Http.get("localhost", "/test/errorlog/page").status());
        ErrorLogEntry second = await(Failures.PageFailure.class, first.getOccurrences() + 1);
        assertEquals(first.getId(), second.getId(), "a repeat is the same row");
        assertEquals(
                1, service.list(admin, Failures.PageFailure.class.getName()).size());
    }

    @Test
    void aRestErrorIsLoggedButA404IsNot() throws Exception {
        assertEquals(500, Http.get("localhost", "/api/test-errorlog").status());
        ErrorLogEntry entry = await(Failures.RestFailure.class, 1);
        assertTrue(entry.getUrl().contains("/api/test-errorlog"), entry.getUrl());
        assertEquals(404, Http.get("localhost", "/questions/987654321").status());
        log.flush();
        assertTrue(service.list(admin, "987654321").isEmpty(), "a 404 is no error");
    }

    @Test
    void anMdbErrorIsLogged() throws Exception {
        Queue queue = (Queue) new InitialContext().lookup(FailingConsumer.QUEUE);
        jms.createProducer().send(queue, "fail");
        ErrorLogEntry entry = await(Failures.MessageFailure.class, 1);
        assertEquals("mdb:FailingConsumer", entry.getUrl());
    }

    @Test
    void aTimerErrorIsLogged() throws Exception {
        timer.fireNow();
        ErrorLogEntry entry = await(Failures.TimerFailure.class, 1);
        assertTrue(entry.getUrl().startsWith("timer:FailingTimer"), entry.getUrl());
    }

    @Test
    void aBatchStepErrorIsLogged() throws Exception {
        assertEquals(BatchStatus.FAILED, timer.runFailingJob());
        ErrorLogEntry entry = await(Failures.BatchFailure.class, 1);
        assertTrue(entry.getUrl().startsWith("batch:errorlog-test/fail"), entry.getUrl());
    }

    /** Flushes and waits until the error thrown as {@code type} has at least {@code count} occurrences. */
    private ErrorLogEntry await(Class<? extends Throwable> type, long count) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            log.flush();
            List<ErrorLogEntry> found = service.list(admin, type.getName());
            if (found.size() == 1 && found.get(0).getOccurrences() >= count) {
                return found.get(0);
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("No " + type.getSimpleName() + " x" + count + " in the log: " + found.size()
                        + " rows"
                        + (found.isEmpty() ? "" : ", count " + found.get(0).getOccurrences()));
            }
            Thread.sleep(200);
        }
    }

    @WebServlet("/test/errorlog/page")
    public static class Page extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            throw new Failures.PageFailure();
        }
    }

    @Path("test-errorlog")
    public static class Rest {
        @GET
        public String fail() {
            throw new Failures.RestFailure();
        }
    }
}
