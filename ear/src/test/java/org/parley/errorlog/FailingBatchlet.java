package org.parley.errorlog;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** The step of ExceptionLogIT's batch job: it fails. */
@Named("failingBatchlet")
@Dependent
public class FailingBatchlet extends AbstractBatchlet {
    @Override
    public String process() {
        throw new Failures.BatchFailure();
    }
}
