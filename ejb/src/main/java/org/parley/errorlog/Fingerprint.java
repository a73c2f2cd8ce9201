package org.parley.errorlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What makes two exceptions the same error: the root cause's type and its top {@value #FRAMES} frames, each as class
 * and method only. Line numbers, file names and the numbers the JVM and the container put into generated class
 * names (lambdas, proxies, Weld subclasses) are left out, so a rebuild that moves lines or a second server does not
 * split one error in two.
 */
public final class Fingerprint {

    static final int FRAMES = 8;

    private static final Pattern GENERATED =
            Pattern.compile("\\$\\$Lambda[^.]*|\\$Proxy\\d+|/0x[0-9a-f]+|\\$\\d+$|(?<=Accessor)\\d+");

    private Fingerprint() {}

    /** The innermost cause of {@code thrown} (loops in the chain stop the walk). */
    public static Throwable root(Throwable thrown) {
        Throwable t = thrown;
        for (int i = 0; i < 32 && t.getCause() != null && t.getCause() != t; i++) {
            t = t.getCause();
        }
        return t;
    }

    /** The key of {@code thrown}'s error: 32 hex digits. */
    public static String of(Throwable thrown) {
        Throwable root = root(thrown);
        StringBuilder text = new StringBuilder(root.getClass().getName());
        StackTraceElement[] frames = root.getStackTrace();
        int taken = 0;
        for (int i = 0; i < frames.length && taken < FRAMES; i++) {
            // Reflection's frames change as the JVM inflates a call (native, then a generated accessor): not the
            // error's.
            if (frames[i].getClassName().startsWith("jdk.internal.reflect.")
                    || frames[i].getClassName().startsWith("sun.reflect.")) {
                continue;
            }
            taken++;
            text.append('|')
                    .append(GENERATED.matcher(frames[i].getClassName()).replaceAll(""))
                    .append('.')
                    .append(frames[i].getMethodName());
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
