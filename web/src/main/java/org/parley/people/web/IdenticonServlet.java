package org.parley.people.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /identicons/{number}.svg}: the picture of a user who uploaded none, a symmetric 5 by 5 pattern in one
 * colour, both drawn from a hash of the number. It depends on nothing but the number, so it needs no database and is
 * cached for a year; a user who uploads an avatar gets another URL.
 */
@WebServlet(IdenticonServlet.PATH + "*")
public class IdenticonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String PATH = "/identicons/";

    private static final Pattern NAME = Pattern.compile("/identicons/([0-9]{1,18})\\.svg");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = NAME.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] svg = svg(Long.parseLong(m.group(1))).getBytes(StandardCharsets.UTF_8);
        response.setContentType("image/svg+xml");
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(svg.length);
        response.getOutputStream().write(svg);
    }

    /** The identicon of a user number: the same number always gives the same picture. */
    static String svg(long number) {
        byte[] h = hash("parley identicon " + number);
        int hue = ((h[0] & 0xff) << 8 | (h[1] & 0xff)) % 360;
        // Dark enough on white for the pattern to be seen (the picture is decorative; the name beside it is the text).
        String colour = "hsl(" + hue + ",55%,42%)";
        StringBuilder b = new StringBuilder(1200);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 5 5\" width=\"80\" height=\"80\""
                        + " shape-rendering=\"crispEdges\"><rect width=\"5\" height=\"5\" fill=\"#f2f4f8\"/>")
                .append("<g fill=\"")
                .append(colour)
                .append("\">");
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 3; col++) {
                int bit = row * 3 + col;
                if ((h[2 + bit / 8] >> (bit % 8) & 1) == 1) {
                    rect(b, col, row);
                    if (col < 2) {
                        rect(b, 4 - col, row);
                    }
                }
            }
        }
        return b.append("</g></svg>").toString();
    }

    private static void rect(StringBuilder b, int x, int y) {
        b.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"1\" height=\"1\"/>");
    }

    private static byte[] hash(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
