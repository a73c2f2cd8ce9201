package org.parley.post;

import java.time.Instant;
import java.util.List;
import org.parley.common.Role;
import org.parley.site.Site;
import org.parley.tag.Tag;
import org.parley.user.PasswordHasher;
import org.parley.user.User;

/** Unsaved entities for the rule tests: one site, users and posts built in plain Java. */
final class PostFixtures {

    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final String BODY = "A body that is comfortably longer than thirty characters.";

    final Site site = new Site("test.localhost", "test", "Test", "", T0);
    private long nextRowVersion = 1;

    User user(String username) {
        return new User(
                site, site.takeUserNumber(), username, "User " + username, PasswordHasher.UNUSABLE, Role.USER, T0);
    }

    User userWithReputation(String username, int reputation) {
        User user = user(username);
        user.changeReputation(reputation - user.getReputation());
        return user;
    }

    Tag tag(String name) {
        return new Tag(site, name);
    }

    Question question(User asker, Tag... tags) {
        return new Question(
                site,
                site.takePostNumber(),
                asker,
                "How do I make this test pass?",
                BODY,
                "<p>" + BODY + "</p>",
                List.of(tags.length == 0 ? new Tag[] {tag("testing")} : tags),
                T0,
                nextRowVersion++);
    }

    Answer answer(Question question, User answerer) {
        return new Answer(
                site,
                site.takePostNumber(),
                answerer,
                question,
                BODY,
                "<p>" + BODY + "</p>",
                T0.plusSeconds(60),
                nextRowVersion++);
    }
}
