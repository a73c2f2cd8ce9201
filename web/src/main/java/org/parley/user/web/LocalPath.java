package org.parley.user.web;

/** Guards {@code ?next=} parameters: only a path on this site is followed, never another host. */
final class LocalPath {

    private LocalPath() {}

    /** {@code next} when it is a plain absolute path on this site, else {@code fallback}. */
    static String orElse(String next, String fallback) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return fallback;
        }
        return next;
    }
}
