package org.parley.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.listing.IdPage;
import org.parley.listing.ListingService;
import org.parley.listing.SqlListing;
import org.parley.listing.TagEngine;
import org.parley.listing.TagExpression;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSort;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.testing.Reputations;
import org.parley.user.UserService;

/**
 * The tag engine in the real server: questions asked through the services are listed at once, random expressions and
 * sorts agree with SQL on WildFly's Hibernate, the catch-up's query runs, and the pages answer bad expressions with a
 * 400 and unknown tags with a hint.
 */
@ExtendWith(ArquillianExtension.class)
class TagEngineIT {

    private static final String[] TAGS = {"alpha", "beta", "gamma", "delta", "c++", "c#", "e-bike", "x.y"};
    private static final String BODY = "A question body that is comfortably longer than thirty characters.";

    @Deployment
    static EnterpriseArchive deployment() {
        return ParleyDeployment.ear(TagEngineIT.class, Http.class, Http.Response.class);
    }

    @EJB
    private ListingService listings;

    @EJB
    private Reputations reputations;

    @EJB
    SiteService sites;

    @EJB
    UserService users;

    @EJB
    QuestionService questions;

    @EJB
    VoteService votes;

    @EJB
    TagEngine engine;

    @Inject
    SqlListing sql;

    @Test
    void listsAgreeWithSqlAndShowChangesAtOnce() {
        String name = ParleyDeployment.unique("te");
        SiteInfo site = sites.ensureSite(name + ".localhost", name, "Tags " + name, "A site for one test");
        reputations.open(site.id()); // a new user votes here
        users.createUser(site.id(), "asker", "Asker", "correct-horse-battery", Role.USER);
        users.createUser(site.id(), "voter", "Voter", "correct-horse-battery", Role.USER);
        Actor asker = users.actorFor(site.id(), "asker").orElseThrow();
        Actor voter = users.actorFor(site.id(), "voter").orElseThrow();
        Random random = new Random(7);
        List<QuestionSummary> asked = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            List<String> tags = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            while (tags.size() < count) {
                String tag = TAGS[Math.min(TAGS.length - 1, (int) (Math.pow(random.nextDouble(), 2) * TAGS.length))];
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            QuestionSummary q = questions.ask(asker, "Generated question number " + i + " here?", BODY, tags);
            asked.add(q);
            assertEquals(
                    q.number(),
                    listings.list(site.id(), QuestionSort.NEWEST, 1, 1)
                            .items()
                            .get(0)
                            .number(),
                    "a committed question is listed at once");
            if (random.nextInt(3) == 0) {
                votes.vote(voter, q.number(), random.nextBoolean() ? VoteType.UP : VoteType.DOWN);
            }
            if (random.nextInt(3) == 0) {
                questions.answer(voter, q.number(), "An answer long enough to count as one, truly.");
            }
        }

        int nonEmpty = 0;
        for (int i = 0; i < 80; i++) {
            StringBuilder text = new StringBuilder();
            int groups = 1 + random.nextInt(2);
            for (int g = 0; g < groups; g++) {
                text.append(g == 0 ? "" : random.nextBoolean() ? " " : "+");
                text.append(random.nextInt(5) == 0 ? "-" : "").append(TAGS[random.nextInt(TAGS.length)]);
                if (random.nextInt(3) == 0) {
                    text.append(" or ").append(TAGS[random.nextInt(TAGS.length)]);
                }
            }
            TagExpression expression = TagExpression.parse(text.toString());
            QuestionSort sort = QuestionSort.values()[random.nextInt(QuestionSort.values().length)];
            int page = 1 + random.nextInt(3);
            int size = 1 + random.nextInt(8);
            IdPage expected = sql.questions(site.id(), expression, sort, page, size);
            IdPage actual = engine.questions(site.id(), expression, sort, page, size);
            assertEquals(expected.total(), actual.total(), expression + " " + sort);
            assertEquals(
                    expected.numbers(), actual.numbers(), expression + " " + sort + " page " + page + " of " + size);
            nonEmpty += expected.numbers().isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 30, "most lists are not empty: " + nonEmpty);
        assertTrue(engine.catchUp() >= -1);
        assertEquals(30, engine.stats(site.id()).questions());
    }

    @Test
    void pagesRefuseBadExpressionsAndHintAtUnknownTags() throws Exception {
        String name = ParleyDeployment.unique("tp");
        SiteInfo site = sites.ensureSite(name + ".localhost", name, "Tag pages " + name, "A site for one test");
        reputations.open(site.id()); // a new user asks twice in a row here
        users.createUser(site.id(), "asker", "Asker", "correct-horse-battery", Role.USER);
        Actor asker = users.actorFor(site.id(), "asker").orElseThrow();
        questions.ask(asker, "Which spokes for a touring wheel?", BODY, List.of("wheels", "spokes"));
        questions.ask(asker, "Which tyres for a touring wheel?", BODY, List.of("wheels", "tyres"));
        String host = site.host();

        Http.Response both = Http.get(host, "/questions/tagged/wheels+spokes");
        assertEquals(200, both.status());
        assertTrue(both.body().contains("Which spokes for a touring wheel?"), both.body());
        assertTrue(!both.body().contains("Which tyres"), "and");

        Http.Response either = Http.get(host, "/questions/tagged/spokes+or+tyres");
        assertEquals(200, either.status());
        assertTrue(either.body().contains("Which spokes") && either.body().contains("Which tyres"), "or");
        assertTrue(either.body().contains("Related tags"), "related tags beside the list");

        Http.Response not = Http.get(host, "/questions/tagged/wheels+-spokes");
        assertTrue(not.body().contains("Which tyres") && !not.body().contains("Which spokes"), "not");

        Http.Response bad = Http.get(host, "/questions/tagged/wheels%24");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("is not a tag name"), bad.body());

        StringBuilder many = new StringBuilder("a0");
        for (int i = 1; i <= TagExpression.MAX_TERMS; i++) {
            many.append("+a").append(i);
        }
        Http.Response tooMany = Http.get(host, "/questions/tagged/" + many);
        assertEquals(400, tooMany.status());
        assertTrue(tooMany.body().contains("at most 10 tags"), tooMany.body());

        Http.Response unknown = Http.get(host, "/questions/tagged/wheels+nosuchtag");
        assertEquals(200, unknown.status());
        assertTrue(unknown.body().contains("No question is tagged"), unknown.body());

        Http.Response tagsPage = Http.get(host, "/tags?filter=w");
        assertEquals(200, tagsPage.status());
        assertTrue(tagsPage.body().contains("wheels") && !tagsPage.body().contains(">tyres<"), tagsPage.body());
    }
}
