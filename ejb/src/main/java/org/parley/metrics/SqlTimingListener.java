package org.parley.metrics;

import org.hibernate.SessionEventListener;

/**
 * Times every JDBC statement and batch Hibernate executes into the current request's {@link RequestTimings}. Named in
 * persistence.xml ({@code hibernate.session.events.auto}), so Hibernate makes one per session; a session is used by
 * one thread at a time, so plain fields are enough.
 */
public class SqlTimingListener implements SessionEventListener {

    private static final long serialVersionUID = 1L;

    private long statementStart;
    private long batchStart;

    @Override
    public void jdbcExecuteStatementStart() {
        statementStart = System.nanoTime();
    }

    @Override
    public void jdbcExecuteStatementEnd() {
        RequestTimings.record(RequestTimings.Kind.SQL, System.nanoTime() - statementStart);
    }

    @Override
    public void jdbcExecuteBatchStart() {
        batchStart = System.nanoTime();
    }

    @Override
    public void jdbcExecuteBatchEnd() {
        RequestTimings.record(RequestTimings.Kind.SQL, System.nanoTime() - batchStart);
    }
}
