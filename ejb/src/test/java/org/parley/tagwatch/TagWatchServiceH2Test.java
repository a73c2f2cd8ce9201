package org.parley.tagwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Actor;
import org.parley.common.Role;
import org.parley.post.QuestionService;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/**
 * Watched and ignored tags on Hibernate and H2: each user's own marks, one read per page, and the class a list row
 * gets from them (watching wins over ignoring; anonymous viewers have none).
 */
class TagWatchServiceH2Test {

    private H2Services h2;
    private TagWatchService watches;
    private Actor ann;
    private Actor bob;

    @BeforeEach
    void aSiteWithTags() {
        h2 = new H2Services();
        watches = h2.bean(TagWatchService.class);
        UserService users = h2.bean(UserService.class);
        SiteInfo site = h2.tx(() -> h2.bean(SiteService.class).ensureSite("watch.localhost", "watch", "W", "W"));
        h2.tx(() -> users.createUser(site.id(), "ann", "Ann", "correct-horse-battery", Role.USER));
        h2.tx(() -> users.createUser(site.id(), "bob", "Bob", "correct-horse-battery", Role.USER));
        ann = h2.tx(() -> users.actorFor(site.id(), "ann").orElseThrow());
        bob = h2.tx(() -> users.actorFor(site.id(), "bob").orElseThrow());
        h2.tx(() -> h2.bean(QuestionService.class)
                .ask(
                        ann,
                        "Which chain lube for winter?",
                        "Salt, slush and a long commute: which lube?",
                        List.of("chains", "winter", "lubrication")));
    }

    @AfterEach
    void closeDatabase() {
        h2.close();
    }

    @Test
    void eachUserMarksTheirOwnTags() {
        h2.run(() -> watches.mark(ann, "chains", "watch"));
        h2.run(() -> watches.mark(ann, "winter", "ignore"));
        h2.run(() -> watches.mark(bob, "winter", "watch"));
        TagMarks marks = h2.tx(() -> watches.marks(ann));
        assertEquals(new TagMarks(Set.of("chains"), Set.of("winter")), marks);
        assertEquals("is-watched", marks.classFor(List.of("winter", "chains")), "watching wins");
        assertEquals("is-ignored", marks.classFor(List.of("winter", "lubrication")));
        assertEquals("", marks.classFor(List.of("lubrication")));
        assertEquals("watched", h2.tx(() -> watches.marks(bob)).of("winter"));

        h2.run(() -> watches.mark(ann, "winter", "watch"));
        assertEquals(Set.of("chains", "winter"), h2.tx(() -> watches.marks(ann)).watched());
        h2.run(() -> watches.mark(ann, "winter", "clear"));
        assertNull(h2.tx(() -> watches.marks(ann)).of("winter"));
        assertEquals(TagMarks.NONE, h2.tx(() -> watches.marks(null)));
        assertEquals("", TagMarks.NONE.classFor(List.of("chains")));
    }

    @Test
    void badMarksAreRefused() {
        assertThrows(NotAllowedException.class, () -> h2.run(() -> watches.mark(null, "chains", "watch")));
        assertThrows(NotFoundException.class, () -> h2.run(() -> watches.mark(ann, "no-such-tag", "watch")));
        assertEquals(
                "Watch, ignore or clear: \"star\" is none of them.",
                assertThrows(InvalidInputException.class, () -> h2.run(() -> watches.mark(ann, "chains", "star")))
                        .getMessage());
    }
}
