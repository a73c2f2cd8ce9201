package org.parley.errorlog;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Notes the exception a batch step failed with ({@code <listener ref="errorLogStepListener"/>} in a job's XML: the
 * dump import and export), with {@code batch:job/step#execution} as its route.
 */
@Named("errorLogStepListener")
@Dependent
public class ErrorLogStepListener extends AbstractStepListener {

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @EJB
    private ErrorLog errors;

    @Override
    public void afterStep() {
        Exception failure = step.getException();
        if (failure != null) {
            errors.record(
                    failure,
                    ErrorContext.of(
                            "batch:" + job.getJobName() + "/" + step.getStepName() + "#" + job.getExecutionId()));
        }
    }
}
