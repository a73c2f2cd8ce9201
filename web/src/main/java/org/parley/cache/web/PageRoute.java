package org.parley.cache.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;

/**
 * Which public pages the output cache keeps for anonymous visitors, and what each depends on: lists (home, question
 * lists, tag pages) on the site's lists scope; a question page on its question and, for its sidebar, on the lists.
 * Only the query parameters a page reads are allowed; any other makes the request uncacheable, so made-up
 * parameters cannot fill the cache.
 *
 * @param id the page's id within its site (path and normalised query)
 * @param question the question number for a question page, else 0
 */
public record PageRoute(String id, long question) {

    private static final Pattern QUESTION = Pattern.compile("/questions/([0-9]{1,18})/([^/]+)");
    private static final Pattern TAGGED = Pattern.compile("/questions/tagged/([^/]+)/?");
    private static final int MAX_QUERY = 200;

    /** The route of a request, or empty when the page is not cached. {@code path} is below the context path. */
    public static Optional<PageRoute> of(String path, String query) {
        if (query != null && query.length() > MAX_QUERY) {
            return Optional.empty();
        }
        Matcher m;
        if (path.isEmpty() || path.equals("/")) {
            return normalised(query, Set.of()).map(q -> new PageRoute("home" + q, 0));
        }
        if (path.equals("/questions") || path.equals("/questions/")) {
            return normalised(query, Set.of("sort", "page")).map(q -> new PageRoute("questions" + q, 0));
        }
        if (path.equals("/tags") || path.equals("/tags/")) {
            return normalised(query, Set.of("filter", "page")).map(q -> new PageRoute("tags" + q, 0));
        }
        if ((m = TAGGED.matcher(path)).matches()) {
            String tags = m.group(1);
            return normalised(query, Set.of("sort", "page")).map(q -> new PageRoute("tagged/" + tags + q, 0));
        }
        if ((m = QUESTION.matcher(path)).matches()) {
            long number = Long.parseLong(m.group(1));
            String slug = m.group(2);
            return normalised(query, Set.of()).map(q -> new PageRoute("q/" + number + "/" + slug + q, number));
        }
        return Optional.empty();
    }

    /** The cache key of this page on {@code siteId}. */
    public CacheKey key(long siteId) {
        List<Scope> scopes = question > 0
                ? List.of(Scope.question(siteId, question), Scope.lists(siteId))
                : List.of(Scope.lists(siteId));
        return CacheKey.of(Region.PAGE, siteId, id, scopes.toArray(Scope[]::new));
    }

    /** The allowed parameters sorted as {@code ?a=1&b=2} ("" when none); empty when another parameter is present. */
    private static Optional<String> normalised(String query, Set<String> allowed) {
        if (query == null || query.isEmpty()) {
            return Optional.of("");
        }
        Map<String, String> params = new TreeMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!allowed.contains(name) || params.containsKey(name)) {
                return Optional.empty();
            }
            try {
                params.put(name, URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) ->
                q.append(q.length() == 0 ? '?' : '&').append(k).append('=').append(v));
        return Optional.of(q.toString());
    }
}
