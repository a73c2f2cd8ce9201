package org.parley.image;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Reputations;
import org.parley.user.UserService;

/**
 * Test only (added to the WAR by {@link ImageProxyIT}): makes site {@code ?host=...} with one question whose body is
 * {@code ?body=...} (Markdown), and answers the question's path as plain text.
 */
@WebServlet("/test/image-proxy-seed")
public class ImageProxySeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private SiteService sites;

    @EJB
    private Reputations reputations;

    @EJB
    private UserService users;

    @EJB
    private QuestionService questions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        SiteInfo site = sites.ensureSite(host, host.replace('.', '-'), "Images " + host, "Images from elsewhere");
        reputations.open(site.id());
        users.createUser(site.id(), "painter", "Pat Painter", "correct-horse-battery", Role.USER);
        Actor painter = users.actorFor(site.id(), "painter").orElseThrow();
        QuestionSummary q = questions.ask(
                painter,
                "Which of these pictures shows a good frame?",
                request.getParameter("body"),
                List.of("frames"));
        response.setContentType("text/plain");
        response.getWriter().write("/questions/" + q.number() + "/" + q.slug());
    }
}
