package org.parley.cache.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The security headers of every response, set before anything is written (a cached page, an error page and a REST
 * answer get them alike):
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, styles, fonts and connections only from this origin (and the asset
 *       host when one is set), no plugins, no {@code <base>} elsewhere, forms post only here, and no framing by
 *       anyone ({@code frame-ancestors 'none'}). Images only from this origin, {@code data:} and the asset host:
 *       other servers' images in posts and messages come through Parley's image proxy ({@code /img/proxy}, {@code
 *       org.parley.image.ImageProxy}), and avatars are letters, not pictures.
 *       Faces and PrimeFaces still write inline scripts and handlers, so {@code 'unsafe-inline'} stays in
 *       {@code script-src} for now; the rest of the policy holds without it.
 *   <li>{@code X-Frame-Options: DENY} for browsers that predate {@code frame-ancestors}.
 *   <li>{@code X-Content-Type-Options: nosniff}: a user's upload or a JSON answer is never run as a script.
 *   <li>{@code Referrer-Policy: strict-origin-when-cross-origin}: other sites learn the origin, never a page's path
 *       (which names a question or a private message).
 *   <li>{@code Strict-Transport-Security} when the request came to this server over TLS: a browser that once came over
 *       https keeps to it. (In the cluster HAProxy terminates TLS and adds the header itself.)
 * </ul>
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** A year, as the HSTS preload list asks. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Inject
    private Assets assets;

    /** Built once per asset host setting: every response carries the policy. */
    private transient volatile Built built;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", currentPolicy());
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }

    /** The policy for the asset host as configured now, built again only when that setting changed. */
    private String currentPolicy() {
        String configured = System.getProperty(Assets.HOST_PROPERTY);
        Built built = this.built;
        if (built == null || !java.util.Objects.equals(built.configured(), configured)) {
            built = new Built(configured, policy(assets.host()));
            this.built = built;
        }
        return built.policy();
    }

    /** The policy and the asset host setting it was built for. */
    private record Built(String configured, String policy) {}

    /** The policy, with {@code assetHost} (an origin, or "" for none) allowed where assets load from. */
    static String policy(String assetHost) {
        String assets = assetHost.isEmpty() ? "" : " " + assetHost;
        return "default-src 'self'" + assets
                + "; script-src 'self' 'unsafe-inline'" + assets
                + "; style-src 'self' 'unsafe-inline'" + assets
                + "; font-src 'self' data:" + assets
                + "; img-src 'self' data:" + assets
                + "; connect-src 'self' ws: wss:"
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
