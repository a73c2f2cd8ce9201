package org.parley.cache.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves {@link Assets} at {@code /assets/{hash}/{name}}: the current hash gets the bytes with {@value
 * Assets#IMMUTABLE}; an older hash of a known asset (a page rendered before a deployment) gets the current bytes,
 * kept for a minute only, since they are not what that URL first meant; anything else is a plain 404. Text assets
 * go out gzip-compressed (compressed once, when read) to clients that accept it, with an ETag of their own. No
 * session, no Faces.
 */
@WebServlet(Assets.PREFIX + "*")
public class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/([0-9a-f]{12})/([A-Za-z0-9._/-]{1,200})");
    /** What an old version, or a 404, may be kept for. */
    static final String SHORT = "public, max-age=60";

    @Inject
    private Assets assets;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Matcher m = path == null ? null : PATH.matcher(path);
        Optional<Assets.Asset> found =
                m != null && m.matches() && !m.group(2).contains("..") ? assets.find(m.group(2)) : Optional.empty();
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setHeader("Cache-Control", SHORT);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write("No such asset.\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Assets.Asset asset = found.get();
        boolean current = asset.hash().equals(m.group(1));
        boolean gzip = asset.gzip().length > 0 && Gzip.accepted(request);
        String etag = "\"" + asset.hash() + "\"";
        response.setHeader("Cache-Control", current ? Assets.IMMUTABLE : SHORT);
        response.setHeader("ETag", gzip ? Gzip.etag(etag) : etag);
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("Access-Control-Allow-Origin", "*");
        if (Gzip.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] bytes = gzip ? asset.gzip() : asset.bytes();
        response.setContentType(asset.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
