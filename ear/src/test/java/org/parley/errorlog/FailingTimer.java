package org.parley.errorlog;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.time.Instant;
import java.util.Properties;

/** A timer that fails (ExceptionLogIT), and the starter of the test's failing batch job, in the EJB module. */
@Singleton
public class FailingTimer {
    @Resource
    TimerService timers;

    public void fireNow() {
        timers.createSingleActionTimer(10, new TimerConfig(null, false));
    }

    /** Runs the test job from the EJB module, whose job XML it is, and waits for its end. */
    public BatchStatus runFailingJob() throws InterruptedException {
        long execution = BatchRuntime.getJobOperator().start("errorlog-test", new Properties());
        Instant until = Instant.now().plusSeconds(30);
        BatchStatus status =
                BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
        while (status != BatchStatus.FAILED
                && status != BatchStatus.COMPLETED
                && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            status = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
        }
        return status;
    }

    @Timeout
    void fail() {
        throw new Failures.TimerFailure();
    }
}
