package org.parley.accesslog;

/**
 * One request as the access log keeps it. Times are in microseconds; {@code route} is the page's or call's template
 * (never the raw URL), so rows group well.
 *
 * @param time when the request began, epoch milliseconds
 * @param site the site's host, or {@code -} when no site answered
 * @param route the route template, e.g. {@code /questions/{id}}
 * @param method the HTTP method
 * @param status the HTTP status sent
 * @param bytes the body's bytes sent (0 when not known, e.g. an error page the container wrote)
 * @param totalMicros the whole request's server time
 * @param sqlMicros time in SQL statements
 * @param cacheMicros time in cache gets
 * @param tagsMicros time in the tag engine
 * @param searchMicros time in full-text search
 * @param loggedIn whether a user was logged in
 * @param page whether it was an HTML page load (not ajax, not REST, not a redirect)
 */
public record AccessRecord(
        long time,
        String site,
        String route,
        String method,
        int status,
        long bytes,
        long totalMicros,
        long sqlMicros,
        long cacheMicros,
        long tagsMicros,
        long searchMicros,
        boolean loggedIn,
        boolean page) {

    static final int SITE = 255;
    static final int ROUTE = 200;
    static final int METHOD = 10;

    public AccessRecord {
        site = cap(site == null || site.isEmpty() ? "-" : site, SITE);
        route = cap(route == null || route.isEmpty() ? "-" : route, ROUTE);
        method = cap(method == null ? "-" : method, METHOD);
    }

    private static String cap(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
