package org.parley.cache.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page's inline scripts made fit to be replayed from the output cache: the per-request nonces PrimeFaces wrote on
 * its {@code <script>} elements are taken out (a nonce that many visitors receive is no nonce), and the scripts are
 * allowed instead by the SHA-256 hashes of their text, which hold for every copy of the page. Computed once, when the
 * page is stored.
 */
final class InlineScripts {

    /** A script element: its start tag's attributes and its text (script text holds no markup, so no nesting). */
    private static final Pattern SCRIPT =
            Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern NONCE = Pattern.compile("\\s+nonce\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");
    private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=", Pattern.CASE_INSENSITIVE);

    private InlineScripts() {}

    /** A page as stored: its bytes without nonces and the {@code 'sha256-...'} sources of its inline scripts. */
    record Hashed(byte[] body, String sources) {}

    /** {@code body} (in {@code charset}) without script nonces, with the hashes of its inline scripts. */
    static Hashed of(byte[] body, Charset charset) {
        String html = new String(body, charset);
        Matcher m = SCRIPT.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        Set<String> sources = new LinkedHashSet<>();
        boolean changed = false;
        while (m.find()) {
            String attributes = m.group(1);
            String text = m.group(2);
            String kept = NONCE.matcher(attributes).replaceAll("");
            changed |= kept.length() != attributes.length();
            if (!SRC.matcher(kept).find()) {
                sources.add(source(text));
            }
            m.appendReplacement(out, Matcher.quoteReplacement("<script" + kept + ">" + text + "</script>"));
        }
        m.appendTail(out);
        return new Hashed(changed ? out.toString().getBytes(charset) : body, String.join(" ", sources));
    }

    /**
     * The CSP source that allows a script with this text: the hash of its UTF-8 bytes after the HTML parser's newline
     * normalisation (CR LF and lone CR become LF), as browsers compute it.
     */
    static String source(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
