package org.parley.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-less user of Parley's pages: one cookie jar (the session and a load balancer's sticky cookie), plain HTTP
 * without following redirects, and just enough of the Faces form protocol to submit a form or a PrimeFaces ajax
 * action. Cluster tests use dozens of these at once, which real browsers could not give on this machine.
 */
public final class PageClient {

    /**
     * One response: status, body, the {@code Location} header (null unless a redirect), the requested URI and all
     * response headers.
     */
    public record Page(int status, String body, String location, URI uri, HttpHeaders headers) {

        /** The first value of response header {@code name}, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The value of the form's view state, which a postback must send back. */
        public String viewState() {
            return find(VIEW_STATE, body, "no jakarta.faces.ViewState in " + this);
        }

        /**
         * The page's CSP nonce, which every Faces form carries and a postback must send back (PrimeFaces' CSP mode
         * checks it); null on a page without one.
         */
        public String nonce() {
            Matcher m = NONCE.matcher(body == null ? "" : body);
            return m.find() ? m.group(1) : null;
        }

        /**
         * The logged-in session's form token, which every Faces form of a stateless page carries and a postback must
         * send back (org.parley.user.security.FormTokens); null on a page without one.
         */
        public String formToken() {
            Matcher m = FORM_TOKEN.matcher(body == null ? "" : body);
            return m.find() ? m.group(1) : null;
        }

        /** The action URL of the form with the given id. */
        public String formAction(String formId) {
            Pattern action = Pattern.compile(
                    "<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]*)\"", Pattern.DOTALL);
            return unescape(find(action, body, "no form " + formId + " in " + this));
        }

        /** The request, the status, where a redirect goes and the body's start: what a failed expectation needs. */
        @Override
        public String toString() {
            String start = body == null ? "" : body.substring(0, Math.min(body.length(), 600));
            return uri + " (HTTP " + status + (location == null ? "" : ", Location: " + location) + "): " + start;
        }
    }

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("name=\"primefaces.nonce\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"parley-form-token\" value=\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A client of the site at {@code base} (e.g. {@code http://localhost:14080}); the Host header follows it. */
    public PageClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Page get(String path) throws IOException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** GET, following up to five redirects within the site. */
    public Page follow(String path) throws IOException {
        Page page = get(path);
        for (int i = 0; i < 5 && page.location() != null; i++) {
            page = get(URI.create(page.location()).getRawPath());
        }
        return page;
    }

    /** Submits form {@code formId} of {@code page} with {@code fields} (the form's own name and view state are added). */
    public Page submit(Page page, String formId, Map<String, String> fields) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        // As parley.js does: a new submission key per post, first in the body.
        all.put("parley-submission", java.util.UUID.randomUUID().toString());
        all.put(formId, formId);
        all.putAll(fields);
        all.put("jakarta.faces.ViewState", page.viewState());
        withNonce(page, all);
        return post(page.formAction(formId), all, null);
    }

    /**
     * Runs the ajax action of button {@code buttonId} in form {@code formId} of {@code page}, as PrimeFaces does for a
     * command button that processes only itself; the answer is a Faces partial response.
     */
    public Page ajax(Page page, String formId, String buttonId) throws IOException {
        return ajax(page, formId, buttonId, java.util.UUID.randomUUID().toString());
    }

    /** {@link #ajax(Page, String, String)} with submission key {@code key} (parley.js makes a new one per action). */
    public Page ajax(Page page, String formId, String buttonId, String key) throws IOException {
        return ajax(page, formId, buttonId, key, Map.of());
    }

    /**
     * {@link #ajax(Page, String, String, String)} with request parameters of its own, as a PrimeFaces remote command
     * called with parameters sends them (e.g. the question page's vote command).
     */
    public Page ajax(Page page, String formId, String buttonId, String key, Map<String, String> params)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("jakarta.faces.partial.ajax", "true");
        all.put("jakarta.faces.source", buttonId);
        all.put("jakarta.faces.partial.execute", buttonId);
        all.put(buttonId, buttonId);
        all.put(formId, formId);
        all.putAll(params);
        all.put("jakarta.faces.ViewState", page.viewState());
        withNonce(page, all);
        return post(page.formAction(formId), all, key);
    }

    /** Adds the page's CSP nonce and form token to a postback's fields, as a browser sends the form's hidden fields. */
    private static void withNonce(Page page, Map<String, String> fields) {
        String nonce = page.nonce();
        if (nonce != null) {
            fields.put("primefaces.nonce", nonce);
        }
        String token = page.formToken();
        if (token != null) {
            fields.putIfAbsent("parley-form-token", token);
        }
    }

    /** The value of cookie {@code name} this client holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /**
     * Sends header {@code name} with {@code value} on every later request of this client, e.g. {@code X-Forwarded-For}
     * to speak for a client behind the load balancer, or an {@code Authorization} header; a null value stops sending it.
     */
    public void setHeader(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
    }

    /**
     * Sets a cookie for the site, e.g. a load balancer's sticky cookie that names a server, in place of any cookie of
     * that name the client holds.
     */
    public void setCookie(String name, String value) {
        var store = cookies.getCookieStore();
        store.getCookies().stream()
                .filter(held -> held.getName().equals(name))
                .toList()
                .forEach(held -> store.remove(null, held));
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        // The domain java.net.CookieManager gives a server's cookie without one, so that the server's next cookie of
        // this name replaces this one, as in a browser, instead of both being sent.
        String host = base.getHost();
        cookie.setDomain(host.contains(".") ? host : host + ".local");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    /** Posts {@code form}; an ajax request when {@code ajaxKey} is not null, with that as its submission key. */
    private Page post(String path, Map<String, String> form, String ajaxKey) throws IOException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ajaxKey != null) {
            request.header("Faces-Request", "partial/ajax");
            request.header("Idempotency-Key", ajaxKey);
        }
        return send(request);
    }

    private Page send(HttpRequest.Builder request) throws IOException {
        try {
            headers.forEach(request::header);
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null),
                    response.uri(),
                    response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String find(Pattern pattern, String text, String failure) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(failure);
        }
        return m.group(1);
    }

    /** Undoes the HTML escaping of an attribute value or text. */
    public static String unescape(String s) {
        return s.replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
