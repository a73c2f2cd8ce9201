package org.parley.cache.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.user.PictureHosts;

/**
 * The security headers of every response, set before anything is written (a cached page, an error page and a REST
 * answer get them alike):
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, styles, fonts and connections only from this origin (and the asset
 *       host when one is set), no plugins, no {@code <base>} elsewhere, forms post only here, and no framing by
 *       anyone ({@code frame-ancestors 'none'}). Images only from this origin, {@code data:}, the asset host and
 *       the picture hosts of imported users' pictures ({@link PictureHosts}: Gravatar, Stack Exchange's image hosts,
 *       which the reader's browser loads as Stack Exchange's pages do): other servers' images in posts and messages
 *       come through Parley's image proxy ({@code /img/proxy}, {@code org.parley.image.ImageProxy}).
 *       <p>No {@code 'unsafe-inline'} (and no {@code 'unsafe-eval'}) in {@code script-src}: an inline script runs only
 *       when the policy names it. PrimeFaces' CSP mode ({@code primefaces.CSP} in web.xml) writes a fresh nonce on
 *       every script element a page renders (its own, Faces', OmniFaces', ours) and moves every {@code on...} handler
 *       attribute into such a script, and announces the nonce in a {@code Content-Security-Policy} header of its own;
 *       a page replayed by the output cache names its inline scripts by their SHA-256 hashes instead ({@link
 *       OutputCacheFilter}, {@link InlineScripts}). Either way the response keeps <em>one</em> policy: this filter
 *       catches every later {@code Content-Security-Policy} that is only a {@code script-src} and folds the nonce or
 *       hashes it names into its own {@code script-src} (two policies would both be enforced, and ours would refuse
 *       PrimeFaces' nonce). Forms post the nonce back as PrimeFaces checks ({@code org.parley.web.CspNonceField}).
 *       <p>{@code style-src} keeps {@code 'unsafe-inline'}: PrimeFaces widgets and Parley's own markup set {@code
 *       style} attributes (positions, widths, progress bars), which no nonce or hash can allow. Styles cannot run
 *       code; the worst an injected style can do is restyle the page.
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
    /** The header's name. */
    static final String CSP = "Content-Security-Policy";
    /** The imported users' picture hosts, as {@code img-src} sources after a space ("" for none). */
    private static final String PICTURES = pictureSources(PictureHosts.configured());
    /** The sources of a policy that name inline scripts one by one: a nonce or a hash. */
    private static final Pattern SCRIPT_SOURCE = Pattern.compile("'(?:nonce|sha256|sha384|sha512)-[A-Za-z0-9+/_=-]+'");

    @Inject
    private Assets assets;

    /** Built once per asset host setting: every response carries the policy. */
    private transient volatile Built built;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Built built = current();
        OnePolicy wrapped = new OnePolicy(response, built.host());
        wrapped.apply(request.isSecure());
        chain.doFilter(request, wrapped);
    }

    /** The policy for the asset host as configured now, built again only when that setting changed. */
    private Built current() {
        String configured = System.getProperty(Assets.HOST_PROPERTY);
        Built built = this.built;
        if (built == null || !Objects.equals(built.configured(), configured)) {
            String host = assets.host();
            built = new Built(configured, host);
            this.built = built;
        }
        return built;
    }

    /** The asset host setting and the origin it names ("" for none). */
    private record Built(String configured, String host) {}

    /**
     * A policy of script sources only, for code later in the chain to set as {@code Content-Security-Policy}: {@code
     * sources} (nonces or hashes, space-separated, may be empty) end up in the one policy's {@code script-src}.
     */
    static String scriptSources(String sources) {
        return sources.isBlank() ? "script-src 'self'" : "script-src 'self' " + sources.strip();
    }

    /** The nonces and hashes {@code policy} names, space-separated, in order, once each. */
    static String scriptSourcesIn(String policy) {
        Set<String> sources = new LinkedHashSet<>();
        Matcher m = SCRIPT_SOURCE.matcher(policy == null ? "" : policy);
        while (m.find()) {
            sources.add(m.group());
        }
        return String.join(" ", sources);
    }

    /**
     * Whether {@code policy} says only which scripts run (as PrimeFaces' and the output cache's do), so that it belongs
     * in the page policy; a whole policy of a servlet's own (the image proxy's {@code default-src 'none'}) replaces it.
     */
    static boolean scriptSrcOnly(String policy) {
        if (policy == null || policy.isBlank()) {
            return false;
        }
        for (String directive : policy.split(";")) {
            String d = directive.strip();
            if (!d.isEmpty() && !d.startsWith("script-src ") && !d.equals("script-src")) {
                return false;
            }
        }
        return true;
    }

    static String pictureSources(PictureHosts hosts) {
        String sources = hosts.cspSources();
        return sources.isEmpty() ? "" : " " + sources;
    }

    /** The policy, with {@code assetHost} (an origin, or "" for none) allowed where assets load from. */
    static String policy(String assetHost) {
        return policy(assetHost, "");
    }

    /**
     * The policy, with {@code assetHost} (an origin, or "" for none) allowed where assets load from, and the inline
     * scripts that {@code scriptSources} name (nonces or hashes, space-separated; "" for none).
     */
    static String policy(String assetHost, String scriptSources) {
        String assets = assetHost.isEmpty() ? "" : " " + assetHost;
        String inline = scriptSources.isBlank() ? "" : " " + scriptSources.strip();
        return "default-src 'self'" + assets
                + "; script-src 'self'" + inline + assets
                + "; style-src 'self' 'unsafe-inline'" + assets
                + "; font-src 'self' data:" + assets
                + "; img-src 'self' data:" + PICTURES + assets
                + "; connect-src 'self' ws: wss:"
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * The response with the security headers, whose {@code Content-Security-Policy} stays one policy: a later one that
     * is only a {@code script-src} (PrimeFaces' with its nonce, the output cache's with its hashes) gives only the
     * script sources it names; a whole policy (the image proxy's) replaces the page policy. A reset
     * of the response (an error page after a failed render) keeps the headers.
     */
    static final class OnePolicy extends HttpServletResponseWrapper {
        private final String assetHost;
        private boolean secure;

        OnePolicy(HttpServletResponse response, String assetHost) {
            super(response);
            this.assetHost = assetHost;
        }

        void apply(boolean secure) {
            this.secure = secure;
            super.setHeader(CSP, policy(assetHost));
            super.setHeader("X-Frame-Options", "DENY");
            super.setHeader("X-Content-Type-Options", "nosniff");
            super.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            if (secure) {
                super.setHeader("Strict-Transport-Security", HSTS);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name) && scriptSrcOnly(value)) {
                super.setHeader(CSP, policy(assetHost, scriptSourcesIn(value)));
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void reset() {
            super.reset();
            apply(secure);
        }
    }
}
