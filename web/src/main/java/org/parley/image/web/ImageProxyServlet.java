package org.parley.image.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.image.ImageProxy;

/**
 * {@code GET /img/proxy?u=<url>&s=<signature>}: the image at {@code u}, fetched by this server ({@link ImageFetcher})
 * and kept for a day ({@link ImageCache}), so that a reader's browser never asks another server for a post's image.
 * Only addresses Parley signed are fetched ({@link ImageProxy#verify}): the proxy is no open proxy.
 *
 * <p>An image is served with its real type, {@code X-Content-Type-Options: nosniff}, {@code Content-Security-Policy:
 * default-src 'none'} (opened on its own, it runs nothing), {@code Cross-Origin-Resource-Policy: same-origin} (other
 * sites cannot use Parley to hide their images' origin) and {@code Cache-Control: public, max-age=86400}; no cookie.
 * Failures: 400 for missing or malformed parameters, 403 for a wrong signature or an address that is not public, 404 or
 * 502 when the other server has no image or fails, 413 for an image over the size limit, 415 for anything but PNG,
 * JPEG, GIF or WebP, 504 when it is too slow.
 *
 * <p>Settings (system properties, read when the servlet starts): {@value #MAX_BYTES} (5 MiB), {@value #CACHE_BYTES}
 * (64 MiB per server), and {@value #ALLOW_LOOPBACK} (false; the in-container tests set it, since their image server
 * runs on loopback).
 */
@WebServlet(ImageProxy.PATH)
public class ImageProxyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = Logger.getLogger(ImageProxyServlet.class.getName());

    static final String MAX_BYTES = "parley.image-proxy.max-bytes";
    static final String CACHE_BYTES = "parley.image-proxy.cache-bytes";
    static final String ALLOW_LOOPBACK = "parley.image-proxy.allow-loopback";
    static final String CACHE_CONTROL = "public, max-age=86400";

    @Inject
    private transient ImageProxy images;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private transient ManagedExecutorService executor;

    private transient ImageFetcher fetcher;
    private transient ImageCache cache;

    @Override
    public void init() {
        long maxBytes = setting(MAX_BYTES, 5L << 20);
        long cacheBytes = setting(CACHE_BYTES, 64L << 20);
        boolean allowLoopback = Boolean.getBoolean(ALLOW_LOOPBACK);
        if (allowLoopback) {
            log.log(
                    Level.WARNING,
                    "{0} is set: the image proxy fetches from loopback (for tests only)",
                    ALLOW_LOOPBACK);
        }
        fetcher = new ImageFetcher(executor, maxBytes, allowLoopback);
        cache = new ImageCache(cacheBytes);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String url = request.getParameter("u");
        String signature = request.getParameter("s");
        if (url == null || signature == null || url.isEmpty() || url.length() > ImageProxy.MAX_URL) {
            fail(response, 400, "Parameters u (the image's URL) and s (its signature) are required.");
            return;
        }
        if (!images.verify(url, signature)) {
            fail(response, 403, "This image address was not made by this site.");
            return;
        }
        ImageCache.Entry entry = cache.get(url, this::fetch);
        if (entry.status() != 200) {
            fail(response, entry.status(), entry.message());
            return;
        }
        response.setStatus(200);
        headers(response);
        response.setContentType(entry.type());
        response.setContentLength(entry.bytes().length);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.getOutputStream().write(entry.bytes());
    }

    private ImageCache.Entry fetch(String url) {
        try {
            return ImageCache.Entry.of(fetcher.fetch(url));
        } catch (ImageFetchException e) {
            log.log(Level.FINE, "Image proxy: {0} gave {1}: {2}", new Object[] {url, e.status(), e.getMessage()});
            return ImageCache.Entry.of(e);
        }
    }

    private static void headers(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    }

    private static void fail(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        headers(response);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(message + "\n");
    }

    private static long setting(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            log.log(Level.WARNING, "{0}={1} is not a whole number; using {2}", new Object[] {name, value, fallback});
            return fallback;
        }
    }
}
