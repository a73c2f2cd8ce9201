package org.parley.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the public URLs ({@code /questions/12/how-do-i-x}, {@code /questions/tagged/java}, {@code /users/3/jane}, ...)
 * onto Faces views under {@code /views} by a server-side forward; the address bar keeps the clean URL. (The views
 * live under {@code /views} because a folder named like a clean URL, e.g. {@code /questions}, would make the
 * container redirect {@code /questions} to {@code /questions/} before any filter runs.) Views check slugs themselves and
 * redirect to the canonical one, so this filter does no lookups. Anything that matches no route, including the views'
 * own {@code *.xhtml} URLs that forms post to, passes through unchanged.
 */
public class CleanUrlFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Pattern QUESTION = Pattern.compile("/questions/([0-9]{1,18})(?:/([^/]*))?/?");
    private static final Pattern TAGGED = Pattern.compile("/questions/tagged/([^/]+)/?");
    private static final Pattern TAG_INFO = Pattern.compile("/tags/([^/]+)/(info|edit)/?");
    private static final Pattern EDIT = Pattern.compile("/posts/([0-9]{1,18})/edit/?");
    private static final Pattern CLOSE = Pattern.compile("/posts/([0-9]{1,18})/close/?");
    private static final Pattern FLAG = Pattern.compile("/posts/([0-9]{1,18})/flag/?");
    private static final Pattern REVIEW = Pattern.compile("/review/([a-z-]{1,40})(?:/([0-9]{1,18}))?/?");
    private static final Pattern USER = Pattern.compile("/users/([0-9]{1,18})(?:/([^/]*))?/?");
    private static final Pattern REVISIONS =
            Pattern.compile("/(?:revisions/([0-9]{1,18})|posts/([0-9]{1,18})/revisions)/?");
    private static final Pattern BADGE = Pattern.compile("/badges/([0-9]{1,9})(?:/[^/]*)?/?");
    private static final Pattern NAMED_BADGE = Pattern.compile("/badges/(gold|silver|bronze)/([^/]{1,300})/?");
    private static final Pattern CONVERSATION = Pattern.compile("/messages/([0-9]{1,18})/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<String> view = route(path);
        if (view.isPresent()) {
            request.getRequestDispatcher(view.get()).forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /**
     * The view (with query parameters) a clean path shows, or empty when the path is not a clean URL. The path is the
     * raw, still percent-encoded request URI below the context path.
     */
    public static Optional<String> route(String path) {
        switch (path) {
            case "", "/":
                return Optional.of("/index.xhtml");
            case "/questions", "/questions/":
                return Optional.of("/views/questions/list.xhtml");
            case "/questions/ask", "/questions/ask/":
                return Optional.of("/views/questions/ask.xhtml");
            case "/tags", "/tags/":
                return Optional.of("/views/tags/list.xhtml");
            case "/users", "/users/":
                return Optional.of("/views/users/list.xhtml");
            case "/users/edit", "/users/edit/":
                return Optional.of("/views/users/edit.xhtml");
            case "/tags/synonyms", "/tags/synonyms/":
                return Optional.of("/views/tags/synonyms.xhtml");
            case "/users/register", "/users/register/":
                return Optional.of("/views/users/register.xhtml");
            case "/users/login", "/users/login/":
                return Optional.of("/views/users/login.xhtml");
            case "/notifications", "/notifications/":
                return Optional.of("/views/notifications/list.xhtml");
            case "/admin", "/admin/":
                return Optional.of("/views/admin/index.xhtml");
            case "/admin/sites", "/admin/sites/":
                return Optional.of("/views/admin/sites.xhtml");
            case "/admin/cache", "/admin/cache/":
                return Optional.of("/views/admin/cache.xhtml");
            case "/admin/imports", "/admin/imports/":
                return Optional.of("/views/admin/imports.xhtml");
            case "/admin/moderators", "/admin/moderators/":
                return Optional.of("/views/admin/moderators.xhtml");
            case "/admin/messages", "/admin/messages/":
                return Optional.of("/views/admin/messages.xhtml");
            case "/admin/errors", "/admin/errors/":
                return Optional.of("/views/admin/errors.xhtml");
            case "/admin/traffic", "/admin/traffic/":
                return Optional.of("/views/admin/traffic.xhtml");
            case "/admin/analytics", "/admin/analytics/":
                return Optional.of("/views/admin/analytics.xhtml");
            case "/messages", "/messages/":
                return Optional.of("/views/messages/inbox.xhtml");
            case "/messages/sent", "/messages/sent/":
                return Optional.of("/views/messages/sent.xhtml");
            case "/messages/new", "/messages/new/":
                return Optional.of("/views/messages/new.xhtml");
            case "/messages/search", "/messages/search/":
                return Optional.of("/views/messages/search.xhtml");
            case "/search", "/search/":
                return Optional.of("/views/search/results.xhtml");
            case "/badges", "/badges/":
                return Optional.of("/views/badges/list.xhtml");
            case "/review/flags", "/review/flags/":
                return Optional.of("/views/review/flags.xhtml");
            case "/review", "/review/":
                return Optional.of("/views/review/index.xhtml");
            case "/help/privileges", "/help/privileges/":
                return Optional.of("/views/help/privileges.xhtml");
            case "/messages/analytics", "/messages/analytics/":
                return Optional.of("/views/messages/analytics.xhtml");
            default:
                break;
        }
        Matcher m = TAGGED.matcher(path);
        if (m.matches()) {
            return param(m.group(1)).map(tags -> "/views/questions/tagged.xhtml?tags=" + tags);
        }
        m = TAG_INFO.matcher(path);
        if (m.matches()) {
            String page = m.group(2);
            return param(m.group(1)).map(tag -> "/views/tags/" + page + ".xhtml?tag=" + tag);
        }
        m = QUESTION.matcher(path);
        if (m.matches()) {
            String number = m.group(1);
            return param(m.group(2)).map(slug -> "/views/questions/view.xhtml?n=" + number + "&slug=" + slug);
        }
        m = EDIT.matcher(path);
        if (m.matches()) {
            return Optional.of("/views/posts/edit.xhtml?n=" + m.group(1));
        }
        m = CLOSE.matcher(path);
        if (m.matches()) {
            return Optional.of("/views/posts/close.xhtml?n=" + m.group(1));
        }
        m = REVIEW.matcher(path);
        if (m.matches()) {
            return Optional.of(
                    "/views/review/task.xhtml?queue=" + m.group(1) + (m.group(2) == null ? "" : "&task=" + m.group(2)));
        }
        m = FLAG.matcher(path);
        if (m.matches()) {
            return Optional.of("/views/posts/flag.xhtml?n=" + m.group(1));
        }
        m = REVISIONS.matcher(path);
        if (m.matches()) {
            return Optional.of("/views/revisions/view.xhtml?n=" + (m.group(1) != null ? m.group(1) : m.group(2)));
        }
        m = CONVERSATION.matcher(path);
        if (m.matches()) {
            return Optional.of("/views/messages/conversation.xhtml?c=" + m.group(1));
        }
        m = BADGE.matcher(path);
        if (m.matches()) {
            return Optional.of("/views/badges/view.xhtml?id=" + m.group(1));
        }
        m = NAMED_BADGE.matcher(path);
        if (m.matches()) {
            String badgeClass = m.group(1);
            return param(m.group(2)).map(name -> "/views/badges/view.xhtml?class=" + badgeClass + "&name=" + name);
        }
        m = USER.matcher(path);
        if (m.matches()) {
            String number = m.group(1);
            return param(m.group(2)).map(slug -> "/views/users/view.xhtml?n=" + number + "&slug=" + slug);
        }
        return Optional.empty();
    }

    /**
     * A path segment re-encoded as a query parameter value, so that nothing in it can add parameters; a literal
     * {@code +} stays a plus ({@code c++}). Empty for a malformed percent escape.
     */
    private static Optional<String> param(String segment) {
        if (segment == null) {
            return Optional.of("");
        }
        try {
            String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            return Optional.of(URLEncoder.encode(decoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
