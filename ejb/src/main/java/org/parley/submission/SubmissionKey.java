package org.parley.submission;

import java.util.regex.Pattern;

/**
 * The key of the submission the current thread serves, set by the web tier for the length of one request (see {@code
 * org.parley.web.SubmissionFilter}) and taken by the first {@link OncePerSubmission} method it calls: one key, one
 * write, so that a second write in the same request is not mistaken for a replay of the first.
 */
public final class SubmissionKey {

    /** The name of the form field parley.js fills in. */
    public static final String FIELD = "parley-submission";

    /** The header an API client (and parley.js, for ajax) sends. */
    public static final String HEADER = "Idempotency-Key";

    /** Longest key accepted; a UUID has 36 characters. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{8," + MAX_LENGTH + "}");

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private SubmissionKey() {}

    /** Whether {@code key} may be used: 8 to 64 letters, digits, hyphens or underscores. */
    public static boolean isValid(String key) {
        return key != null && VALID.matcher(key).matches();
    }

    /** Makes {@code key} the current thread's until {@link #clear}; a null key clears it. */
    public static void set(String key) {
        if (key != null && !isValid(key)) {
            throw new IllegalArgumentException("Not a submission key: " + key);
        }
        if (key == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(key);
        }
    }

    /** Forgets the current thread's key. */
    public static void clear() {
        CURRENT.remove();
    }

    /** Returns and forgets the current thread's key, or null when there is none (or it was taken already). */
    static String take() {
        String key = CURRENT.get();
        CURRENT.remove();
        return key;
    }
}
