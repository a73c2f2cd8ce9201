package org.parley.errorlog;

/** The test-only errors ExceptionLogIT's components throw, one type per kind of component. */
public final class Failures {

    private Failures() {}

    public static class PageFailure extends RuntimeException {
        public PageFailure() {
            super("a page failed");
        }
    }

    public static class RestFailure extends RuntimeException {
        public RestFailure() {
            super("a REST call failed");
        }
    }

    public static class TimerFailure extends RuntimeException {
        public TimerFailure() {
            super("a timer failed");
        }
    }

    public static class BatchFailure extends RuntimeException {
        public BatchFailure() {
            super("a batch step failed");
        }
    }

    public static class MessageFailure extends RuntimeException {
        public MessageFailure() {
            super("an MDB failed");
        }
    }
}
