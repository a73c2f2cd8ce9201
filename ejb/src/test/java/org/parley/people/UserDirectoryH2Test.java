package org.parley.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.revision.RevisionWriter;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;

/** The users directory's tabs, periods, name filter and paging on Hibernate and H2, on two sites that share nobody. */
class UserDirectoryH2Test {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";

    private H2Services h2;
    private UserDirectory directory;
    private SiteInfo bikes;
    private SiteInfo beer;

    @BeforeEach
    void twoSites() {
        h2 = new H2Services();
        directory = h2.bean(UserDirectory.class);
        h2.bean(RevisionWriter.class); // observes the edits, as in the container
        SiteService sites = h2.bean(SiteService.class);
        bikes = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", ""));
        beer = h2.tx(() -> sites.ensureSite("beer.localhost", "beer", "Beer", ""));
        h2.tx(() -> sites.changePrivileges(
                new Actor(0, bikes.id(), Role.ADMIN),
                bikes.id(),
                Map.of(Privilege.VOTE_UP, 1, Privilege.VOTE_DOWN, 1)));
    }

    @AfterEach
    void close() {
        h2.close();
    }

    private List<String> names(Page<UserCard> page) {
        return page.items().stream().map(UserCard::displayName).toList();
    }

    private Page<UserCard> list(DirectoryTab tab, Period period, String filter) {
        return h2.tx(() -> directory.list(bikes.id(), tab, period, filter, 1));
    }

    @Test
    void reputationRanksTheSitesUsersAndTheFilterFindsPartsOfNamesWithoutWildcards() {
        h2.user(bikes.id(), "ada", PASSWORD, Role.USER, 500);
        h2.user(bikes.id(), "bob", PASSWORD, Role.USER, 50);
        h2.user(bikes.id(), "cyd", PASSWORD, Role.USER, 5);
        h2.user(beer.id(), "dan", PASSWORD, Role.USER, 1000);

        assertEquals(
                List.of("User ada", "User bob", "User cyd"), names(list(DirectoryTab.REPUTATION, Period.ALL, null)));
        assertEquals(List.of("User bob"), names(list(DirectoryTab.REPUTATION, Period.ALL, "  BOB ")));
        assertEquals(3, list(DirectoryTab.REPUTATION, Period.ALL, "user").total());
        assertEquals(
                List.of(), names(list(DirectoryTab.REPUTATION, Period.ALL, "%")), "% is a character, not a wildcard");
        assertEquals(List.of(), names(list(DirectoryTab.REPUTATION, Period.ALL, "_")));
        UserCard ada = list(DirectoryTab.REPUTATION, Period.ALL, "ada").items().get(0);
        assertEquals(500, ada.figure());
        assertNull(ada.location());
        assertNull(ada.avatarVersion());
        // Every new user joined this week.
        assertEquals(3, list(DirectoryTab.NEW_USERS, Period.WEEK, null).total());
    }

    @Test
    void votersEditorsAndReputationGainedCountThePeriodsActivityAndTopTagsComeFromScores() {
        Actor ada = h2.user(bikes.id(), "ada", PASSWORD, Role.USER, 500);
        Actor bo = h2.user(bikes.id(), "bob", PASSWORD, Role.USER, 50);
        h2.user(bikes.id(), "cyd", PASSWORD, Role.USER, 5);
        QuestionService questions = h2.bean(QuestionService.class);
        VoteService votes = h2.bean(VoteService.class);
        QuestionSummary q = h2.tx(() -> questions.ask(ada, "How do I true a wheel at home?", BODY, List.of("wheels")));
        h2.tx(() -> questions.ask(ada, "Which chain lube lasts longest in rain?", BODY, List.of("chains")));
        h2.tx(() -> votes.vote(bo, q.number(), VoteType.UP));
        // One edit changes title and body: two history rows, one edit.
        h2.run(() -> questions.edit(
                ada, q.number(), "How do I true a wheel at home quickly?", BODY + " Edited.", List.of("wheels")));

        Page<UserCard> voters = list(DirectoryTab.VOTERS, Period.WEEK, null);
        assertEquals(List.of("User bob"), names(voters));
        assertEquals(1, voters.items().get(0).figure());

        Page<UserCard> editors = list(DirectoryTab.EDITORS, Period.MONTH, null);
        assertEquals(List.of("User ada"), names(editors));
        assertEquals(1, editors.items().get(0).figure());
        assertEquals(List.of(), names(list(DirectoryTab.EDITORS, Period.MONTH, "bob")));

        Page<UserCard> gained = list(DirectoryTab.REPUTATION, Period.WEEK, null);
        assertEquals(List.of("User ada"), names(gained));
        assertEquals(10, gained.items().get(0).figure());

        UserCard card = list(DirectoryTab.REPUTATION, Period.ALL, "ada").items().get(0);
        assertEquals(List.of("wheels", "chains"), card.topTags(), "the upvoted tag first");
    }

    @Test
    void thirtySixCardsAPage() {
        for (int i = 0; i < 40; i++) {
            h2.user(bikes.id(), "user" + i, PASSWORD, Role.USER, 100 + i);
        }
        Page<UserCard> first = list(DirectoryTab.REPUTATION, Period.ALL, null);
        assertEquals(36, first.items().size());
        assertEquals("User user39", first.items().get(0).displayName());
        Page<UserCard> second = h2.tx(() -> directory.list(bikes.id(), DirectoryTab.REPUTATION, Period.ALL, null, 2));
        assertEquals(4, second.items().size());
        assertEquals(40, second.total());
        assertTrue(second.items().stream().noneMatch(first.items()::contains));
    }

    @Test
    void urlParametersPickTabsAndPeriodsWithDefaults() {
        assertEquals(DirectoryTab.VOTERS, DirectoryTab.of("Voters"));
        assertEquals(DirectoryTab.REPUTATION, DirectoryTab.of("<script>"));
        assertEquals(Period.ALL, Period.of(null, DirectoryTab.REPUTATION.defaultPeriod()));
        assertEquals(Period.MONTH, Period.of("nonsense", DirectoryTab.EDITORS.defaultPeriod()));
        assertEquals(Period.QUARTER, Period.of("quarter", Period.ALL));
        assertEquals("%a!%b!_c!!%", UserDirectory.like(" A%b_c! "));
        assertNull(UserDirectory.like("   "));
        assertEquals(
                UserDirectory.MAX_FILTER + 2,
                UserDirectory.like("x".repeat(100)).length());
    }
}
