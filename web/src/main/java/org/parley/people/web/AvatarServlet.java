package org.parley.people.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.site.web.CurrentSite;
import org.parley.user.ProfileService;
import org.parley.user.ProfileService.AvatarImage;

/**
 * {@code GET /avatars/{number}.png?v={version}}: a user's uploaded avatar, from the database. The version in the URL
 * is the avatar's: each upload gets a new one, so the answer for the current version is cached for a year as
 * immutable; an old or missing version is redirected to the current one (or the identicon, when the user removed
 * theirs), never cached long.
 */
@WebServlet(AvatarServlet.PATH + "*")
public class AvatarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    public static final String PATH = "/avatars/";

    private static final Pattern NAME = Pattern.compile("/avatars/([0-9]{1,18})\\.png");

    @Inject
    private ProfileService profiles;

    @Inject
    private CurrentSite site;

    @Inject
    private Avatars avatars;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = NAME.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long number = Long.parseLong(m.group(1));
        Optional<AvatarImage> avatar = profiles.avatar(site.id(), number);
        String asked = request.getParameter("v");
        if (avatar.isEmpty() || !String.valueOf(avatar.get().version()).equals(asked)) {
            response.setHeader("Cache-Control", "no-cache");
            response.sendRedirect(
                    avatar.isEmpty()
                            ? avatars.identicon(number)
                            : avatars.url(number, avatar.get().version(), null));
            return;
        }
        byte[] bytes = avatar.get().bytes();
        response.setContentType(avatar.get().contentType());
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
