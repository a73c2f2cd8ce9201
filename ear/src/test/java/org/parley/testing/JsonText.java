package org.parley.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values read out of a JSON answer by key, for the tests that run outside the server, whose class path has no JSON
 * provider: the first occurrence of the key wins.
 */
public final class JsonText {

    private JsonText() {}

    /** The first string value of {@code key} in {@code json}. */
    public static String str(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + key + " in " + json);
        }
        return m.group(1);
    }

    /** The first integer value of {@code key} in {@code json}. */
    public static long num(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + key + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
