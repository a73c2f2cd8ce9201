package org.parley.browser;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.CommentService;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Reputations;
import org.parley.user.UserService;

/**
 * Test only (added to the WAR by {@link PageWeightBrowserIT}): fills a new site, {@code ?host=...}, with a page's
 * worth of questions and one question as an imported one looks (a long Markdown body with a list and code, four
 * answers, comments, votes); answers its path as plain text.
 */
@WebServlet("/test/page-weight-seed")
public class PageWeightSeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String PASSWORD = "correct-horse-battery";

    @EJB
    private SiteService sites;

    @EJB
    private Reputations reputations;

    @EJB
    private UserService users;

    @EJB
    private QuestionService questions;

    @EJB
    private CommentService comments;

    @EJB
    private VoteService votes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        SiteInfo site = sites.ensureSite(host, host.replace('.', '-'), "Page weight " + host, "Weighing pages");
        reputations.open(site.id()); // new users vote and comment here
        List<Actor> people = new ArrayList<>();
        for (String name : List.of("brewer", "taster", "cellar", "hopper")) {
            users.createUser(
                    site.id(),
                    name,
                    name.substring(0, 1).toUpperCase() + name.substring(1) + " Smith",
                    PASSWORD,
                    Role.USER);
            people.add(users.actorFor(site.id(), name).orElseThrow());
        }
        for (int i = 1; i <= 15; i++) {
            questions.ask(
                    people.get(i % 4),
                    "How long should a batch of " + (i * 3) + " litres of stout condition in the bottle?",
                    "I bottled it with priming sugar at " + (18 + i % 5) + " °C and wonder when it will be ready.",
                    List.of("stout", "bottling", i % 2 == 0 ? "conditioning" : "carbonation"));
        }
        QuestionSummary q = questions.ask(
                people.get(0),
                "Why does my home-brewed IPA taste of cardboard after a month?",
                body(),
                List.of("ipa", "oxidation", "bottling", "hops"));
        for (int a = 1; a <= 4; a++) {
            long answer = questions.answer(people.get(a % 4 == 0 ? 1 : a % 4), q.number(), answer(a));
            comments.comment(
                    people.get(0), answer, "Thanks, that matches what I saw with the second batch, number " + a + ".");
            votes.vote(people.get(0), answer, VoteType.UP);
        }
        comments.comment(people.get(1), q.number(), "Did you purge the bottling bucket with CO2 before racking?");
        comments.comment(people.get(2), q.number(), "How full were the bottles? Headspace matters for oxidation too.");
        votes.vote(people.get(1), q.number(), VoteType.UP);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("/questions/" + q.number() + "/" + q.slug());
    }

    private static String body() {
        StringBuilder b = new StringBuilder();
        b.append(
                        "My last three batches of IPA were great at bottling, but after about four weeks they all developed a ")
                .append("stale, papery, **cardboard**-like taste and the hop aroma faded almost completely.\n\n")
                .append("What I do, in order:\n\n")
                .append("1. Mash at 66 °C for 60 minutes, sparge at 76 °C\n")
                .append("2. Boil 60 minutes, hops at 60, 15 and flame-out\n")
                .append("3. Chill to 19 °C, pitch US-05, ferment 14 days\n")
                .append("4. Dry hop 50 g for 4 days in the primary\n")
                .append("5. Rack to a bucket with priming sugar and bottle\n\n")
                .append("My bottling log for the last batch:\n\n")
                .append("```\n");
        for (int day = 1; day <= 12; day++) {
            b.append(String.format(
                    "day %2d  gravity 1.0%02d  temp %d.%d C  note: %s%n",
                    day, 60 - day * 4 > 10 ? 60 - day * 4 : 10, 18 + day % 3, day % 10, day < 6 ? "active" : "quiet"));
        }
        b.append("```\n\n")
                .append("> Oxidation gives wet cardboard and sherry notes and kills hop aroma first.\n\n")
                .append(
                        "I have read that splashing during the transfer is the usual cause, but I use a tube to the bottom ")
                .append("of the bucket. Could it be the dry hopping, the headspace in the bottles, or the caps? ")
                .append(
                        "I would like to understand *where* the oxygen comes in before I buy a counter-pressure filler. ")
                .append("Any experience with oxygen-scavenging caps would be welcome too.");
        return b.toString();
    }

    private static String answer(int n) {
        return "Answer " + n + ": the most common source is the dry hop. Opening the fermenter to add hops lets air in "
                + "right when the yeast has stopped producing CO2, so nothing pushes it out again. Try these:\n\n"
                + "- add the dry hops while fermentation is still active (two or three days before it ends)\n"
                + "- purge the bottling bucket and the bottles with CO2 from a small cylinder\n"
                + "- fill the bottles to about 2 cm below the rim and cap on foam\n"
                + "- use oxygen-absorbing caps, they do help for hoppy beers\n\n"
                + "Keep the bottles cold once they are carbonated: oxidation goes about twice as fast for every 10 °C. "
                + "In my experience the combination of the first two points makes the biggest difference, and the "
                + "beer kept its aroma for three months instead of one.";
    }
}
