package org.parley.cache.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.parley.cache.CacheKey;
import org.parley.cache.Region;
import org.parley.cache.Scope;
import org.parley.post.QuestionSort;

/**
 * Which public pages the output cache keeps for anonymous visitors, under which key, and what each depends on: lists
 * (home, question lists, tag pages) on the site's lists scope; a question page on its question and, for its sidebar,
 * on the lists.
 *
 * <p>A key is made of the page's canonical parameters only, so that nobody can fill the cache with copies of one page:
 * a request whose query string is not its page's canonical one (a parameter the page does not read, a repeated one,
 * an unknown sort, a page number that is not a plain number above 1, {@code ?sort=newest} which is the default) is
 * answered by a redirect to the canonical URL instead ({@link Decision.Redirect}); the values that pass are the only
 * values the page shows differently. What the rules here cannot know (a page number past the last page, a tag that does
 * not exist) the page itself answers with a 404 or marks as not to be stored ({@link org.parley.cache.CachedPage
 * #NOT_STORED}). A filtered tags list is free text, so it is rendered but never stored.
 *
 * @param id the page's id within its site (path and canonical query)
 * @param question the question number for a question page, else 0
 */
public record PageRoute(String id, long question) {

    private static final Pattern QUESTION = Pattern.compile("/questions/([0-9]{1,18})/([^/]+)");
    private static final Pattern TAGGED = Pattern.compile("/questions/tagged/([^/]+)/?");
    private static final Pattern PAGE_NUMBER = Pattern.compile("[1-9][0-9]{0,5}");
    /** The sorts a list accepts in its URL; the first, the default, is never written. */
    private static final Set<String> SORTS = Arrays.stream(QuestionSort.values())
            .filter(s -> s != QuestionSort.NEWEST)
            .map(s -> s.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private static final String SORT = "sort";
    private static final String PAGE = "page";
    private static final String FILTER = "filter";

    /** What the output cache does with a request for a public page. */
    public sealed interface Decision {
        /** The page is rendered, or taken from the cache, under {@code route}'s key. */
        record Cached(PageRoute route) implements Decision {}

        /** The request's query is not canonical: a 301 to {@code location} (path and query, below the context). */
        record Redirect(String location) implements Decision {}

        /** Not a page the cache keeps (or not in this form): rendered as usual, never stored. */
        record Uncached() implements Decision {}
    }

    private static final Decision UNCACHED = new Decision.Uncached();

    /** What to do with a request for {@code path} (below the context path) with {@code query} (raw, may be null). */
    public static Decision decide(String path, String query) {
        Matcher m;
        if (path.isEmpty() || path.equals("/")) {
            return route(path, query, List.of(), q -> new PageRoute("home" + q, 0));
        }
        if (path.equals("/questions") || path.equals("/questions/")) {
            return route(path, query, List.of(SORT, PAGE), q -> new PageRoute("questions" + q, 0));
        }
        if (path.equals("/tags") || path.equals("/tags/")) {
            return route(path, query, List.of(FILTER, PAGE), q -> new PageRoute("tags" + q, 0));
        }
        if ((m = TAGGED.matcher(path)).matches()) {
            String tags = m.group(1);
            return route(path, query, List.of(SORT, PAGE), q -> new PageRoute("tagged/" + tags + q, 0));
        }
        if ((m = QUESTION.matcher(path)).matches()) {
            long number = Long.parseLong(m.group(1));
            String slug = m.group(2);
            return route(path, query, List.of(), q -> new PageRoute("q/" + number + "/" + slug + q, number));
        }
        return UNCACHED;
    }

    /** The cache key of this page on {@code siteId}. */
    public CacheKey key(long siteId) {
        List<Scope> scopes = question > 0
                ? List.of(Scope.question(siteId, question), Scope.lists(siteId))
                : List.of(Scope.lists(siteId));
        return CacheKey.of(Region.PAGE, siteId, id, scopes.toArray(Scope[]::new));
    }

    private static Decision route(
            String path, String query, List<String> allowed, java.util.function.Function<String, PageRoute> page) {
        if (query == null || query.isEmpty()) {
            return new Decision.Cached(page.apply(""));
        }
        Map<String, String> params = canonical(query, allowed);
        String canonical = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        if (!canonical.equals(query)) {
            return new Decision.Redirect(canonical.isEmpty() ? path : path + "?" + canonical);
        }
        if (params.containsKey(FILTER)) {
            return UNCACHED;
        }
        return new Decision.Cached(page.apply("?" + canonical));
    }

    /**
     * The parameters of {@code query} that the page reads and whose values it accepts, decoded, in the order of
     * {@code allowed} (the order in which {@link org.parley.web.Links} writes them): unknown names, repeated names (the
     * first counts), undecodable pairs and invalid or default values are dropped.
     */
    static Map<String, String> canonical(String query, List<String> allowed) {
        Map<String, String> found = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!allowed.contains(name) || found.containsKey(name)) {
                continue;
            }
            String value;
            try {
                value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue;
            }
            found.put(name, valid(name, value) ? value : null);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : allowed) {
            if (found.get(name) != null) {
                params.put(name, found.get(name));
            }
        }
        return params;
    }

    private static boolean valid(String name, String value) {
        return switch (name) {
            case SORT -> SORTS.contains(value);
            case PAGE -> PAGE_NUMBER.matcher(value).matches() && !value.equals("1");
            case FILTER ->
                !value.isBlank() && value.length() <= 100 && value.strip().equals(value);
            default -> false;
        };
    }
}
