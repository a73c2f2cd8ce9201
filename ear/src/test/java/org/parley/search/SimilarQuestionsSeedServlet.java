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
 * Test only (added to the WAR by {@link SimilarQuestionsBrowserIT}): a new site, {@code ?host=...&word=...}, with a user
 * {@code asker} and questions about keeping a yeast called {@code word} alive (the first is the one whose page is
 * looked at, the second its closest relative, answered and accepted) and one about glasses that relates to none of them. Answers the
 * paths of the first two, one a line.
 */
@WebServlet("/test/similar-questions-seed")
public class SimilarQuestionsSeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PASSWORD = "correct-horse-battery";

    @EJB
    private SiteService sites;

    @EJB
    private UserService users;

    @EJB
    private QuestionService questions;

    @EJB
    private Reputations reputations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        String word = request.getParameter("word");
        SiteInfo site = sites.ensureSite(host, host.replace('.', '-'), "Similar " + host, "Related questions");
        reputations.open(site.id()); // new users ask several questions in a row here
        users.createUser(site.id(), "asker", "Asker Smith", PASSWORD, Role.USER);
        users.createUser(site.id(), "brewer", "Brewer Jones", PASSWORD, Role.USER);
        Actor asker = users.actorFor(site.id(), "asker").orElseThrow();
        Actor brewer = users.actorFor(site.id(), "brewer").orElseThrow();
        QuestionSummary page = questions.ask(
                asker,
                "How do I keep " + word + " yeast alive between two brews?",
                "I harvested " + word + " yeast from my last farmhouse ale. How do I keep it alive for a month until"
                        + " the next brew day? Fridge, freezer, or drying it on baking paper?",
                List.of(word, "yeast", "storage"));
        QuestionSummary closest = questions.ask(
                brewer,
                "Storing harvested " + word + " yeast between brews",
                "What is the best way to store " + word + " yeast slurry between brews, and for how long does it stay"
                        + " alive in the fridge?",
                List.of(word, "yeast"));
        // The closest one answered and accepted: its badge shows it.
        long answer = questions.answer(
                asker,
                closest.number(),
                "Keep the slurry under a thin layer of beer in a sanitised jar in the fridge; it stays alive for weeks.");
        questions.accept(brewer, answer);
        String[] more = {
            "Drying " + word + " yeast on baking paper: does it survive?",
            "Can " + word + " ferment a lager at room temperature?",
            "Why does my " + word + " farmhouse ale taste of orange peel?",
            "How much " + word + " slurry should I pitch into 20 litres?",
            "Does frozen yeast survive a month in the freezer?",
        };
        for (String title : more) {
            questions.ask(
                    brewer,
                    title,
                    title + " I could not find a clear answer for this yeast anywhere.",
                    List.of(word, "yeast"));
        }
        questions.ask(
                brewer,
                "Which glass suits a Belgian tripel served cold?",
                "Tulip, goblet or a plain pint glass: which one holds the head and the aroma of a tripel?",
                List.of("glassware"));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter()
                .print("/questions/" + page.number() + "/" + page.slug() + "\n/questions/" + closest.number() + "/"
                        + closest.slug() + "\n");
    }
}
