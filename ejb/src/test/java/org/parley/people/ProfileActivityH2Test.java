package org.parley.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.badge.Badge;
import org.parley.common.Actor;
import org.parley.common.Page;
import org.parley.common.Role;
import org.parley.moderation.ModerationService;
import org.parley.people.ProfileActivity.Entry;
import org.parley.people.ProfileActivity.Kind;
import org.parley.post.CommentService;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.revision.RevisionWriter;
import org.parley.site.Privilege;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.User;

/** A profile's Activity tab on Hibernate and H2: every kind, newest first, one entry per edit, deleted posts left out. */
class ProfileActivityH2Test {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String BODY = "Some **markdown** body that is long enough to be a real question.";

    private H2Services h2;
    private ProfileActivity activity;
    private SiteInfo bikes;

    @BeforeEach
    void site() {
        h2 = new H2Services();
        activity = h2.bean(ProfileActivity.class);
        h2.bean(RevisionWriter.class); // observes the edits, as in the container
        SiteService sites = h2.bean(SiteService.class);
        bikes = h2.tx(() -> sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", ""));
        h2.tx(() -> sites.changePrivileges(
                new Actor(0, bikes.id(), Role.ADMIN), bikes.id(), Map.of(Privilege.COMMENT_EVERYWHERE, 1)));
    }

    @AfterEach
    void close() {
        h2.close();
    }

    private long number(Actor a) {
        return h2.tx(
                () -> h2.bean(EntityManager.class).find(User.class, a.userId()).getNumber());
    }

    private Page<Entry> page(Actor a, int page) {
        return h2.tx(() -> activity.activity(bikes.id(), number(a), page));
    }

    @Test
    void everyKindNewestFirstWithOneEntryPerEdit() throws Exception {
        Actor ada = h2.user(bikes.id(), "ada", PASSWORD, Role.USER, 500);
        Actor bo = h2.user(bikes.id(), "bob", PASSWORD, Role.USER, 500);
        QuestionService questions = h2.bean(QuestionService.class);
        QuestionSummary q = h2.tx(() -> questions.ask(ada, "How do I true a wheel at home?", BODY, List.of("wheels")));
        Thread.sleep(5);
        long answer =
                h2.tx(() -> questions.answer(bo, q.number(), "Use a zip tie on the frame as a gauge, then tension."));
        Thread.sleep(5);
        h2.tx(() -> h2.bean(CommentService.class).comment(ada, answer, "Thanks,   that\n worked on my rear wheel."));
        Thread.sleep(5);
        // One edit of title and body: two history rows, one entry.
        h2.run(() -> questions.edit(
                ada, q.number(), "How do I true a wheel at home quickly?", BODY + " Edited.", List.of("wheels")));
        Thread.sleep(5);
        long adaNumber = number(ada);
        h2.run(() -> h2.bean(EntityManager.class)
                .persist(new Badge(bikes.id(), adaNumber, "Student", 3, false, Instant.now())));

        Page<Entry> mine = page(ada, 1);
        assertEquals(
                List.of(Kind.BADGE, Kind.EDITED, Kind.COMMENTED, Kind.ASKED),
                mine.items().stream().map(Entry::kind).toList());
        Entry badge = mine.items().get(0);
        assertEquals("Student", badge.title());
        assertEquals("bronze", badge.badgeClass());
        assertTrue(badge.link().contains("Student") || badge.link().startsWith("/badges/"), badge.link());
        Entry edit = mine.items().get(1);
        assertEquals(q.number(), edit.questionNumber());
        assertNull(edit.answerNumber());
        assertEquals("How do I true a wheel at home quickly?", edit.title());
        Entry comment = mine.items().get(2);
        assertEquals(answer, comment.answerNumber());
        assertEquals("Thanks, that worked on my rear wheel.", comment.excerpt(), "white space is one space");
        assertEquals(4, mine.total());

        assertEquals(
                List.of(Kind.ANSWERED),
                page(bo, 1).items().stream().map(Entry::kind).toList());

        // The question deleted: what was on it leaves both profiles; the badge stays.
        Actor admin = h2.user(bikes.id(), "adm", PASSWORD, Role.ADMIN, 1);
        h2.tx(() -> h2.bean(ModerationService.class).delete(admin, q.number()));
        assertEquals(
                List.of(Kind.BADGE),
                page(ada, 1).items().stream().map(Entry::kind).toList());
        assertEquals(List.of(), page(bo, 1).items());
    }

    @Test
    void pagesOfThirtyAndThePagerKnowsOnlyPagesThatExist() throws Exception {
        Actor ada = h2.user(bikes.id(), "ada", PASSWORD, Role.USER, 500);
        long adaNumber = number(ada);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        h2.run(
                () -> { // one a second; a badge can be earned once, so a hundred names
                    for (int i = 0; i < 100; i++) {
                        h2.bean(EntityManager.class)
                                .persist(
                                        new Badge(bikes.id(), adaNumber, "Badge " + i, 3, false, start.plusSeconds(i)));
                    }
                });
        Page<Entry> first = page(ada, 1);
        assertEquals(30, first.items().size());
        assertEquals(start.plusSeconds(99), first.items().get(0).at(), "newest first");
        assertEquals(60, first.total(), "this page and the next are known to exist");
        Page<Entry> fourth = page(ada, 4);
        assertEquals(10, fourth.items().size());
        assertEquals(start, fourth.items().get(9).at());
        assertEquals(100, fourth.total());
        assertEquals(List.of(), page(ada, 5).items());
    }
}
