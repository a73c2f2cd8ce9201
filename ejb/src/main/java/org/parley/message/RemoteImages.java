package org.parley.message;

import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.common.Html;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;

/**
 * A private message's images from other servers, shown as a button that loads the image when its reader presses it
 * ({@code messages.js}): an image loaded by itself would tell its sender when, and from which address, the message was
 * read (a tracking pixel). Even then the image comes through Parley's image proxy ({@link ImageProxy}), so its
 * server learns nothing of the reader. Images of this site (relative addresses) stay images. Works on sanitised HTML
 * ({@link org.parley.markdown.MarkdownRenderer}), whose tags and attributes are well-formed and whose values are
 * already escaped, so they are copied as they are.
 */
public final class RemoteImages {

    private static final Pattern IMG = Pattern.compile("<img\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z][a-z0-9-]*)=\"([^\"]*)\"");

    private RemoteImages() {}

    /**
     * {@code safeHtml} with each image from another server replaced by its button, which loads it through {@code
     * images}' proxy; null gives "".
     */
    public static String placeholders(String safeHtml, ImageProxy images) {
        if (safeHtml == null || !safeHtml.contains("<img")) {
            return safeHtml == null ? "" : safeHtml;
        }
        Matcher m = IMG.matcher(safeHtml);
        StringBuilder out = new StringBuilder(safeHtml.length() + 64);
        while (m.find()) {
            String src = null;
            String alt = "";
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                if (a.group(1).equals("src")) {
                    src = a.group(2);
                } else if (a.group(1).equals("alt")) {
                    alt = a.group(2);
                }
            }
            String host = src == null ? null : host(src);
            String proxied = host == null ? null : images.src(MarkdownRenderer.attributeValue(src), Set.of());
            String replacement = proxied == null
                    ? m.group()
                    : "<button type=\"button\" class=\"remote-image\" data-src=\"" + Html.escape(proxied)
                            + "\" data-alt=\"" + alt
                            + "\" title=\"" + src + "\">Show the image from " + host
                            + (alt.isEmpty() ? "" : ": " + alt) + "</button>";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The host of an absolute http(s) address (escaped as sanitised HTML writes it), or null for any other. */
    private static String host(String escapedSrc) {
        String src = escapedSrc.replace("&amp;", "&").replace("&#61;", "=").replace("&#64;", "@");
        if (!src.startsWith("http://") && !src.startsWith("https://") && !src.startsWith("//")) {
            return null;
        }
        try {
            String host =
                    URI.create(src.startsWith("//") ? "https:" + src : src).getHost();
            return host == null || !host.matches("[A-Za-z0-9.-]+") ? "another server" : host;
        } catch (IllegalArgumentException e) {
            return "another server";
        }
    }
}
