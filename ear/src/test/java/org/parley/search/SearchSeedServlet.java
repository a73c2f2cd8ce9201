package org.parley.search;

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
 * Test only (added to the WAR by {@link SearchBrowserIT}): fills a new site, {@code ?host=...&word=...}, with questions
 * that contain {@code word}: one about wine cellars (tagged wine, with an answer), a closed one, and 30 more so that
 * results have a second page. Answers "cellarQuestionNumber slug closedQuestionNumber" as plain text.
 */
@WebServlet("/test/search-seed")
public class SearchSeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private SiteService sites;

    @EJB
    private UserService users;

    @EJB
    private QuestionService questions;

    @EJB
    private SearchFixture fixture;

    @EJB
    private Reputations reputations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        String word = request.getParameter("word");
        SiteInfo site = sites.ensureSite(host, host.replace('.', '-'), "Search " + host, "Finding questions");
        reputations.open(site.id()); // new users ask 32 questions in a row here
        users.createUser(site.id(), "ada", "Ada Cellar", "correct-horse-battery", Role.USER);
        users.createUser(site.id(), "bob", "Bo Taster", "correct-horse-battery", Role.USER);
        Actor ada = users.actorFor(site.id(), "ada").orElseThrow();
        Actor bo = users.actorFor(site.id(), "bob").orElseThrow();
        QuestionSummary cellar = questions.ask(
                ada,
                "How should I store " + word + " wine bottles in a cellar?",
                "I keep them standing up. The cork dries out, I am told: is `<lying down>` better for " + word + "?",
                List.of("wine", "storage"));
        questions.answer(
                bo, cellar.number(), "Lay them down in the cellar so the cork stays wet; " + word + " ages well.");
        QuestionSummary closed = questions.ask(
                bo,
                "Is this " + word + " question about cellar doors on topic?",
                "Asking about the doors of a wine cellar rather than the wine in it, " + word + ".",
                List.of("meta"));
        fixture.close(site.id(), closed.number());
        for (int i = 1; i <= 30; i++) {
            questions.ask(
                    i % 2 == 0 ? ada : bo,
                    "Filler question number " + i + " with " + word,
                    "A body long enough to be a question, number " + i + ", mentioning " + word + " once.",
                    List.of("filler"));
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(cellar.number() + " " + cellar.slug() + " " + closed.number());
    }
}
