package org.parley.accesslog.web;

import java.util.Optional;
import java.util.regex.Pattern;
import org.parley.web.CleanUrlFilter;

/**
 * The route a request is logged under: a template, never the raw URL, so that a day's rows group into a few hundred
 * routes whatever ids, slugs and tags they carried.
 *
 * <ul>
 *   <li>A page is named after the Faces view that shows it, as {@link CleanUrlFilter} maps clean URLs (the same table
 *       the site uses, so the names stay in step with it), without {@code /views} and {@code .xhtml}: {@code
 *       /questions/12/how-to-x} and a form posted to {@code /views/questions/view.xhtml} are both {@code
 *       /questions/view}; {@code /} is {@code /index}.
 *   <li>Anything else (REST and the API, servlets) keeps its path with each number or list of numbers ({@code
 *       12;13}) as {@code {id}} and each other segment that is not a short plain word ({@code [A-Za-z._-]}, at most 30
 *       characters) as {@code {x}}, and at most {@value #SEGMENTS} segments.
 * </ul>
 *
 * Static files ({@link #isStatic}) are not logged at all.
 */
public final class AccessRoute {

    static final int SEGMENTS = 4;
    private static final Pattern IDS = Pattern.compile("[0-9]+(?:;[0-9]+)*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z._-]{1,30}");
    private static final Pattern VIEW = Pattern.compile("(?:/views)?(/.*)\\.xhtml");

    private AccessRoute() {}

    /**
     * Whether {@code path} is a static file (Faces resources, {@code /resources}, {@code /assets}, identicons,
     * avatars, the favicon): browsers cache them for a year and they cost next to nothing, so rows for them would
     * outnumber the pages and say little.
     */
    public static boolean isStatic(String path) {
        return path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/resources/")
                || path.startsWith("/assets/")
                || path.startsWith("/identicons/")
                || path.startsWith("/avatars/")
                || path.startsWith("/favicon.");
    }

    /** The route of {@code path}, the raw request URI below the context path. */
    public static String of(String path) {
        Optional<String> view = CleanUrlFilter.route(path);
        String target = view.map(v -> {
                    int query = v.indexOf('?');
                    return query < 0 ? v : v.substring(0, query);
                })
                .orElse(path);
        var m = VIEW.matcher(target);
        if (m.matches()) {
            return m.group(1);
        }
        StringBuilder route = new StringBuilder();
        int segments = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (++segments > SEGMENTS) {
                route.append("/…");
                break;
            }
            route.append('/');
            if (IDS.matcher(segment).matches()) {
                route.append("{id}");
            } else if (WORD.matcher(segment).matches()) {
                route.append(segment);
            } else {
                route.append("{x}");
            }
        }
        return route.isEmpty() ? "/" : route.toString();
    }
}
