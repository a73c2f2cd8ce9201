package org.parley.cache.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.parley.cache.CachedPage;
import org.parley.cache.Region;
import org.parley.cache.SharedCache;
import org.parley.post.ViewTally;
import org.parley.site.SiteInfo;
import org.parley.site.web.SiteFilter;
import org.parley.web.OpsListener;

/**
 * The anonymous output cache: for a visitor who is not logged in, the home page, question lists, tag pages and
 * question pages come whole from the shared tier (see {@link PageRoute}), with a strong ETag and Last-Modified, and
 * a 304 when the browser already has them. A miss renders the page as usual and stores it under the key versioned
 * <em>before</em> rendering, so a change committed meanwhile leaves it unreachable. Logged-in users pass through.
 *
 * <p>An anonymous visitor without a session never gets one from a public page: a hit does not touch the session, and
 * a miss (or any other public page, a 404 included) is rendered with a {@link SessionlessRequest}, whose session
 * lives only as long as the request, so no {@code Set-Cookie} goes out and the page names no one's state. Question
 * views are still counted on hits. Mapped after the site filter and before routing, and on error dispatches too, whose
 * pages it only keeps sessionless.
 *
 * <p>For {@code scripts/bench.sh pages}, a request on the operators' listener ({@link OpsListener}, loopback) with
 * {@value #BYPASS_HEADER}{@code : bypass} is rendered the way a miss is (sessionless, captured, its scripts hashed and
 * compressed) but neither looked up nor stored: every such request costs what a miss costs, and the public cache stays
 * as it was. The header does nothing on the public listener.
 */
public class OutputCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /**
     * Response header saying what the output cache did: {@code hit}, {@code miss}, or {@code redirect} to the page's
     * canonical URL.
     */
    static final String STATUS_HEADER = "X-Parley-Cache";
    /** Request header that, with the value {@code bypass}, asks for a miss on the operators' listener. */
    static final String BYPASS_HEADER = "X-Parley-Output-Cache";

    @Inject
    private SharedCache cache;

    @Inject
    private ViewTally views;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The error page of a public page read without a session is rendered without one too: its view scope
            // (where PrimeFaces keeps a page's CSP nonce) would otherwise start a session. It is never stored.
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            boolean sessionless =
                    request.getUserPrincipal() == null && request.getSession(false) == null && !needsSession(path);
            chain.doFilter(sessionless ? new SessionlessRequest(request) : request, response);
            return;
        }
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        SiteInfo site = (SiteInfo) request.getAttribute(SiteFilter.ATTRIBUTE);
        if ((!head && !"GET".equals(method)) || site == null || request.getUserPrincipal() != null) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // An anonymous visitor without a session reads public pages without getting one, cached or not (404s too).
        HttpServletRequest reader =
                request.getSession(false) == null && !needsSession(path) ? new SessionlessRequest(request) : request;
        PageRoute.Decision decision = PageRoute.decide(path, request.getQueryString());
        if (decision instanceof PageRoute.Decision.Redirect redirect) {
            response.setHeader(STATUS_HEADER, "redirect");
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + redirect.location());
            return;
        }
        if (!(decision instanceof PageRoute.Decision.Cached cached)) {
            chain.doFilter(reader, response);
            return;
        }
        PageRoute route = cached.route();
        String key = cache.versionedKey(route.key(site.id()));
        // The header is read first: OpsListener is asked only on the rare request that carries it.
        boolean bypass = bypass(request.getHeader(BYPASS_HEADER)) && OpsListener.isOps(request);
        Optional<Object> hit = bypass ? Optional.empty() : cache.peek(Region.PAGE, key);
        // A page stored without its scripts' hashes (by a server that predates them) is rendered again.
        if (hit.isPresent() && hit.get() instanceof CachedPage page && page.scriptSources() != null) {
            if (route.question() > 0) {
                views.count(site.id(), route.question());
            }
            send(request, response, page, head, "hit");
            return;
        }

        CapturingResponse capture = new CapturingResponse(response);
        chain.doFilter(reader, capture);
        capture.flushBuffer();
        String type = capture.getContentType();
        if (capture.passedThrough()
                || capture.getStatus() != HttpServletResponse.SC_OK
                || type == null
                || !type.startsWith("text/html")
                || request.getUserPrincipal() != null
                || reader.getAttribute(CachedPage.NOT_STORED) != null) {
            capture.release();
            return;
        }
        InlineScripts.Hashed scripts = InlineScripts.of(capture.body(), charset(capture.getCharacterEncoding()));
        byte[] body = scripts.body();
        CachedPage page = new CachedPage(
                type,
                body,
                etag(body),
                System.currentTimeMillis() / 1000 * 1000,
                Gzip.compress(body),
                scripts.sources());
        if (bypass) {
            send(request, response, page, head, "bypass");
            return;
        }
        cache.put(Region.PAGE, key, page);
        send(request, response, page, head, "miss");
    }

    /** True for the {@value #BYPASS_HEADER} value that asks for a miss (which only the operators' listener grants). */
    static boolean bypass(String header) {
        return header != null && "bypass".equalsIgnoreCase(header.strip());
    }

    /**
     * Pages that keep state for an anonymous visitor: the log-in and sign-up forms (their view state is the CSRF
     * token), the writing pages that send them to log in first, the views' own URLs that forms post to, push channels
     * and the API.
     */
    static boolean needsSession(String path) {
        return path.startsWith("/users/login")
                || path.startsWith("/users/register")
                || path.startsWith("/users/edit")
                || path.startsWith("/questions/ask")
                || path.startsWith("/posts/")
                || path.startsWith("/admin")
                || path.startsWith("/views/")
                || path.startsWith("/push/")
                || path.startsWith("/api/");
    }

    /** The named charset, or UTF-8 when the name is missing or unknown. */
    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * Sends the stored page, compressed (the copy made once when it was stored) to a client whose Accept-Encoding
     * takes gzip, else as it is. The two are different representations, so they have different ETags; either one
     * in If-None-Match gets a 304, since both name this version of the page. Its scripts are allowed by their hashes,
     * never by the nonce of the request that rendered it: the script sources set here replace that nonce in the one
     * policy {@link SecurityHeadersFilter} sends.
     */
    private static void send(
            HttpServletRequest request, HttpServletResponse response, CachedPage page, boolean head, String status)
            throws IOException {
        boolean gzip = page.compressed() && Gzip.accepted(request);
        response.setHeader(STATUS_HEADER, status);
        response.setHeader(SecurityHeadersFilter.CSP, SecurityHeadersFilter.scriptSources(page.scriptSources()));
        response.setHeader("ETag", gzip ? Gzip.etag(page.etag()) : page.etag());
        response.setDateHeader("Last-Modified", page.lastModifiedMillis());
        // Browsers and shared caches may keep it but must ask again; a logged-in user's cookie gets another page, and
        // a client that takes no gzip the uncompressed bytes.
        response.setHeader("Cache-Control", "public, no-cache");
        response.setHeader("Vary", "Cookie, Accept-Encoding");
        if (notModified(request, page)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] bytes = gzip ? page.gzip() : page.body();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(bytes.length);
        if (!head) {
            response.getOutputStream().write(bytes);
        }
    }

    /** RFC 9110: If-None-Match wins; If-Modified-Since only counts without it. */
    static boolean notModified(HttpServletRequest request, CachedPage page) {
        String match = request.getHeader("If-None-Match");
        if (match != null) {
            return Gzip.matches(match, page.etag());
        }
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false;
        }
        return since >= 0 && page.lastModifiedMillis() <= since;
    }

    /** A strong ETag from the bytes: equal pages get equal tags on every server. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Holds a rendered page in memory so that it can be stored before it is sent. Redirects and errors pass straight
     * through to the real response and are not stored.
     */
    static final class CapturingResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean passedThrough;

        CapturingResponse(HttpServletResponse response) {
            super(response);
        }

        boolean passedThrough() {
            return passedThrough;
        }

        byte[] body() {
            return body.toByteArray();
        }

        /** Sends what was captured unchanged (a page that is not stored). */
        void release() throws IOException {
            if (!passedThrough && body.size() > 0) {
                getResponse().setContentLength(body.size());
                body.writeTo(getResponse().getOutputStream());
            }
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called");
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        body.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("Non-blocking output is not captured");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called");
            }
            if (writer == null) {
                Charset charset;
                try {
                    charset = Charset.forName(getCharacterEncoding());
                } catch (RuntimeException e) {
                    charset = StandardCharsets.UTF_8;
                }
                writer = new PrintWriter(new OutputStreamWriter(body, charset));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            body.reset();
            super.reset();
        }

        @Override
        public void setContentLength(int len) {
            // Known once the page is complete.
        }

        @Override
        public void setContentLengthLong(long len) {
            // As setContentLength.
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            passedThrough = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            passedThrough = true;
            super.sendError(sc);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            passedThrough = true;
            super.sendRedirect(location);
        }
    }
}
