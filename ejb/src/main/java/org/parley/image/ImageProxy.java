package org.parley.image;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.parley.common.Html;
import org.parley.markdown.MarkdownRenderer;

/**
 * The image proxy's addresses: {@code /img/proxy?u=<the image's URL>&s=<signature>}, the signature an HMAC-SHA256 of
 * the URL under a key derived from the cluster's shared secret ({@link ImageProxySecret}), base64url without padding.
 * Only addresses this class made pass {@link #verify}, so the proxy fetches what posts show and nothing a visitor
 * makes up. The address of a URL is the same every time and on every server, so rendered HTML that holds it can be
 * cached and shared.
 *
 * <p>{@link #rewrite} is applied where a post's sanitised HTML becomes a page's read model (as {@code SourceLinks}
 * is), not when it is stored: the stored body stays as written or imported, so an export gives back the original
 * addresses and a changed secret needs no migration.
 */
@ApplicationScoped
public class ImageProxy {

    /** The proxy's path, as the web module maps it. */
    public static final String PATH = "/img/proxy";
    /** The longest image URL the proxy takes; longer ones stay as they are (the page's policy blocks them). */
    public static final int MAX_URL = 2048;

    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>");
    /** An img's src in sanitised HTML, where every attribute is written in double quotes. */
    private static final Pattern SRC = Pattern.compile("(\\ssrc=\")([^\"]*)(\")");

    private SecretKeySpec key;

    /** For CDI: the key is read at {@link #init}. */
    protected ImageProxy() {}

    private ImageProxy(String secret) {
        this.key = derive(secret);
    }

    /** An instance with the given secret (tests, code outside CDI). */
    public static ImageProxy withSecret(String secret) {
        return new ImageProxy(secret);
    }

    @PostConstruct
    void init() {
        key = derive(ImageProxySecret.load());
    }

    /** The base64url HMAC-SHA256 of {@code url} under the proxy's key. */
    public String sign(String url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(url.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }

    /** Whether {@code signature} is {@link #sign}'s for {@code url} (compared in constant time); nulls give false. */
    public boolean verify(String url, String signature) {
        if (url == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(url).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The proxy's address for {@code url} (not HTML-escaped). */
    public String path(String url) {
        return PATH + "?u=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&s=" + sign(url);
    }

    /**
     * Sanitised HTML ({@link MarkdownRenderer}'s output) with the {@code src} of each image from another server
     * pointed at the proxy: an absolute http(s) URL whose host is not one of {@code ownHosts}. An image on one of
     * {@code ownHosts} (on the default port) becomes a path on this site; relative and {@code data:} addresses, and
     * anything that is not a plain http(s) URL, stay as they are. Null gives null.
     */
    public String rewrite(String safeHtml, Collection<String> ownHosts) {
        if (safeHtml == null || !safeHtml.contains("<img")) {
            return safeHtml;
        }
        Matcher img = IMG.matcher(safeHtml);
        StringBuilder out = new StringBuilder(safeHtml.length() + 128);
        while (img.find()) {
            Matcher src = SRC.matcher(img.group());
            String tag = img.group();
            if (src.find()) {
                String replaced = src(MarkdownRenderer.attributeValue(src.group(2)), ownHosts);
                if (replaced != null) {
                    tag = tag.substring(0, src.start(2)) + Html.escape(replaced) + tag.substring(src.end(2));
                }
            }
            img.appendReplacement(out, Matcher.quoteReplacement(tag));
        }
        img.appendTail(out);
        return out.toString();
    }

    /**
     * What an image's {@code src} becomes: the proxy's address for another server's image, a path for one of this
     * site's, or null to leave it as it is.
     */
    public String src(String url, Collection<String> ownHosts) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || url.length() > MAX_URL) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == (lower.startsWith("https") ? 443 : 80);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        // "//other.example/x.png" as a path would leave the site: such an image goes through the proxy too.
        if (defaultPort && !path.startsWith("//") && ownHosts.stream().anyMatch(h -> h.equalsIgnoreCase(host))) {
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return path(url);
    }

    private static SecretKeySpec derive(String secret) {
        // A key of its own for this one use, so that the configured secret could serve another purpose too.
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SecretKeySpec(
                    mac.doFinal("parley image proxy v1".getBytes(StandardCharsets.US_ASCII)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }
}
