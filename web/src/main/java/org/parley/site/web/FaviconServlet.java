package org.parley.site.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * The site's icon, made from its title's initial on the brand colour, as the top bar's mark shows it: {@code
 * /favicon.svg} (what pages link to) and {@code /favicon.ico} (what browsers and crawlers ask for by themselves; an ICO
 * holding a 32 × 32 PNG). Each site gets its own, so tabs of two sites tell apart; browsers keep it for a day.
 */
@WebServlet(urlPatterns = {FaviconServlet.ICO, FaviconServlet.SVG})
public class FaviconServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = Logger.getLogger(FaviconServlet.class.getName());

    static final String ICO = "/favicon.ico";
    static final String SVG = "/favicon.svg";
    /** The brand colour, as {@code --accent} in parley.css. */
    static final int ACCENT = 0x2454d6;

    private static final int SIZE = 32;

    @Inject
    private CurrentSite site;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String initial = initial(site.getSafeTitle());
        byte[] body;
        String type;
        if (request.getServletPath().equals(SVG)) {
            body = svg(initial).getBytes(StandardCharsets.UTF_8);
            type = "image/svg+xml";
        } else {
            body = ico(initial);
            type = body == null ? "image/svg+xml" : "image/x-icon";
            if (body == null) {
                body = svg(initial).getBytes(StandardCharsets.UTF_8);
            }
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The first letter of a title, upper-case; "P" for a blank one. */
    static String initial(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            return "P";
        }
        return new String(Character.toChars(t.codePointAt(0))).toUpperCase(Locale.ROOT);
    }

    /** The icon as SVG. */
    static String svg(String initial) {
        String letter = initial.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
                + "<rect width=\"32\" height=\"32\" rx=\"9\" fill=\"#" + String.format("%06x", ACCENT) + "\"/>"
                + "<text x=\"16\" y=\"22.5\" text-anchor=\"middle\" font-family=\"system-ui,-apple-system,Segoe UI,"
                + "Roboto,sans-serif\" font-size=\"19\" font-weight=\"700\" fill=\"#fff\">" + letter + "</text></svg>";
    }

    /** The icon as an ICO file holding one PNG (read by every browser since 2007), or null when it cannot be drawn. */
    static byte[] ico(String initial) {
        byte[] png;
        try {
            png = png(initial);
        } catch (RuntimeException | LinkageError e) {
            // A server without fonts or java.desktop: the SVG will do.
            log.log(Level.WARNING, "Cannot draw the favicon; serving the SVG", e);
            return null;
        }
        ByteBuffer ico = ByteBuffer.allocate(22 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1); // reserved, type icon, one image
        ico.put((byte) SIZE).put((byte) SIZE).put((byte) 0).put((byte) 0); // 32 × 32, no palette
        ico.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(22); // planes, bits, size, offset
        ico.put(png);
        return ico.array();
    }

    private static byte[] png(String initial) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(ACCENT));
            g.fillRoundRect(0, 0, SIZE, SIZE, 18, 18);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(initial, (SIZE - fm.stringWidth(initial)) / 2f, (SIZE - fm.getHeight()) / 2f + fm.getAscent());
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
