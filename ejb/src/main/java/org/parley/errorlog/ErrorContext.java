package org.parley.errorlog;

/**
 * Where an error happened: the URL or route (a page's address, {@code mdb:Name}, {@code timer:Bean.method}, {@code
 * batch:job/step}), the site's host, the user's name and the request id; any may be null.
 */
public record ErrorContext(String url, String site, String user, String requestId) {

    public static ErrorContext of(String route) {
        return new ErrorContext(route, null, null, null);
    }
}
