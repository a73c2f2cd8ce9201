package org.parley.cache.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Parley's own static assets (the files under {@code /resources} in the WAR: CSS, JavaScript), each addressed by its
 * content hash ({@code /assets/3f2a9c1b7d0e/css/parley.css}), so a URL always means the same bytes and browsers and
 * CDNs may keep them for a year. Read and hashed once, at first use; the WAR's files do not change while it runs.
 *
 * <p>The asset host ({@value #HOST_PROPERTY}, e.g. {@code https://static.example.com}) is put in front of every
 * asset and Faces resource URL so that a CDN serves them; it fetches them from any Parley server, under any host
 * name. Unset or blank: assets come from the page's own server.
 */
@Named
@ApplicationScoped
public class Assets {

    /** System property naming the asset host ({@code scripts/run.sh} sets it from {@code PARLEY_ASSET_HOST}). */
    public static final String HOST_PROPERTY = "parley.asset.host";
    /** Where assets are served, below the context path. */
    static final String PREFIX = "/assets/";
    /** How long browsers and CDNs keep a versioned asset: a year, and they need not ask again. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final Logger log = Logger.getLogger(Assets.class.getName());
    private static final String ROOT = "/resources/";
    private static final Pattern HOST = Pattern.compile(
            "(?:https?:)?//[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~/-]*)?");

    /**
     * One asset: its bytes, their hash (12 hex digits of SHA-256), media type, and the bytes gzip-compressed for a
     * text type worth it (else empty).
     */
    record Asset(String name, byte[] bytes, String hash, String contentType, byte[] gzip) {}

    @Inject
    private ServletContext context;

    private volatile Map<String, Asset> assets;
    private volatile String warnedHost;

    /** The versioned URL of asset {@code name} (e.g. {@code css/parley.css}), with the asset host in front. */
    public String url(String name) {
        Asset asset = find(name).orElseThrow(() -> new IllegalArgumentException("No asset named " + name));
        return host() + context.getContextPath() + PREFIX + asset.hash() + "/" + asset.name();
    }

    /** The asset named {@code name}, if the WAR has one. */
    public Optional<Asset> find(String name) {
        return Optional.ofNullable(all().get(name));
    }

    /** The names of all assets. */
    public Set<String> names() {
        return all().keySet();
    }

    /**
     * The configured asset host without a trailing slash, or "" when none is set or it is malformed (which is logged
     * once: a bad value must not break every page's styling).
     */
    public String host() {
        return host(System.getProperty(HOST_PROPERTY));
    }

    String host(String configured) {
        if (configured == null || configured.isBlank()) {
            return "";
        }
        String value = configured.strip();
        while (value.endsWith("/") && !value.endsWith("//")) {
            value = value.substring(0, value.length() - 1);
        }
        if (!HOST.matcher(value).matches()) {
            if (!value.equals(warnedHost)) {
                warnedHost = value;
                log.log(
                        Level.WARNING,
                        "Ignoring the asset host {0}={1}: expected https://host[:port][/path] or //host; assets are served by"
                                + " this server",
                        new Object[] {HOST_PROPERTY, configured});
            }
            return "";
        }
        return value;
    }

    private Map<String, Asset> all() {
        Map<String, Asset> found = assets;
        if (found == null) {
            synchronized (this) {
                if (assets == null) {
                    Map<String, Asset> read = new TreeMap<>();
                    collect(ROOT, read);
                    assets = Map.copyOf(read);
                    log.log(Level.FINE, "Versioned assets: {0}", assets.keySet());
                }
                found = assets;
            }
        }
        return found;
    }

    private void collect(String folder, Map<String, Asset> into) {
        Set<String> paths = context.getResourcePaths(folder);
        if (paths == null) {
            return;
        }
        for (String path : paths) {
            if (path.endsWith("/")) {
                collect(path, into);
                continue;
            }
            try (InputStream in = context.getResourceAsStream(path)) {
                if (in == null) {
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                String name = path.substring(ROOT.length());
                String type = context.getMimeType(path);
                type = type == null ? "application/octet-stream" : type;
                into.put(
                        name,
                        new Asset(name, bytes, hash(bytes), type, text(type) ? Gzip.compress(bytes) : new byte[0]));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the asset " + path, e);
            }
        }
    }

    /** Whether a media type is text that compresses (images and fonts are compressed already). */
    static boolean text(String type) {
        return type.startsWith("text/") || type.contains("javascript") || type.contains("json") || type.contains("xml");
    }

    /** The first 12 hex digits of the bytes' SHA-256: the version in an asset's URL. */
    static String hash(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
