package org.parley.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.common.Role;
import org.parley.listing.ListingService;
import org.parley.post.QuestionSort;
import org.parley.post.QuestionSummary;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.H2Services;
import org.parley.user.UserService;

/** Seeding on Hibernate and H2: sizes, speed, consistency of derived counts, admins, and that it runs once. */
class DemoSeederH2Test {

    private static final String PASSWORD = "seeded-admin-password";

    private H2Services h2;

    @BeforeEach
    void database() {
        h2 = new H2Services();
    }

    @AfterEach
    void close() {
        h2.close();
    }

    @Test
    void seedsThreeSitesQuicklyAndOnlyOnce() {
        DemoSeeder seeder = h2.bean(DemoSeeder.class);
        long started = System.nanoTime();
        int seeded = h2.tx(() -> seeder.seedIfEmpty(PASSWORD));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(520, seeded);
        assertTrue(took.toSeconds() < 60, "seeding took " + took);
        assertEquals(0, h2.tx(() -> seeder.seedIfEmpty(PASSWORD)), "a second start seeds nothing");

        SiteService sites = h2.bean(SiteService.class);
        List<SiteInfo> all = h2.tx(sites::list);
        assertEquals(
                List.of("beer.localhost", "bicycles.localhost", "localhost"),
                all.stream().map(SiteInfo::host).toList());
        assertEquals("Parley", all.get(2).title());
        assertEquals("Beer, Wine & Spirits", all.get(0).title());

        ListingService questions = h2.bean(ListingService.class);
        for (SiteInfo site : all) {
            long expected = site.host().equals("localhost") ? 400 : 60;
            assertEquals(
                    expected,
                    h2.tx(() -> questions.list(site.id(), QuestionSort.NEWEST, 1, 10))
                            .total(),
                    site.host());
        }
    }

    @Test
    void adminsLogInAndSeededUsersCannot() {
        h2.tx(() -> h2.bean(DemoSeeder.class).seedIfEmpty(PASSWORD));
        UserService users = h2.bean(UserService.class);
        for (SiteInfo site : h2.tx(h2.bean(SiteService.class)::list)) {
            var admin = h2.tx(() -> users.authenticate(site.id(), "admin", PASSWORD))
                    .orElseThrow();
            assertEquals(Role.ADMIN, admin.role());
            assertTrue(h2.tx(() -> users.authenticate(site.id(), "admin", "not-the-password"))
                    .isEmpty());
        }
        EntityManager em = h2.direct();
        try {
            String someone = em.createQuery("select u.username from User u where u.role = :role", String.class)
                    .setParameter("role", Role.USER)
                    .setMaxResults(1)
                    .getSingleResult();
            long siteId = em.createQuery("select u.site.id from User u where u.username = :u", Long.class)
                    .setParameter("u", someone)
                    .setMaxResults(1)
                    .getSingleResult();
            assertTrue(h2.tx(() -> users.authenticate(siteId, someone, "")).isEmpty());
            assertTrue(h2.tx(() -> users.actorFor(siteId, someone)).isPresent());
        } finally {
            em.close();
        }
    }

    @Test
    void derivedCountsMatchTheRowsTheyCount() {
        h2.tx(() -> h2.bean(DemoSeeder.class).seedIfEmpty(PASSWORD));
        EntityManager em = h2.direct();
        try {
            assertEquals(
                    0L,
                    single(
                            em,
                            "select count(*) from post p where p.score <> (select coalesce(sum(case when v.vote_type = 'UP' then 1 else -1 end), 0)"
                                    + " from vote v where v.post_id = p.id)"),
                    "score = ups - downs");
            assertEquals(
                    0L,
                    single(
                            em,
                            "select count(*) from post q where q.post_type = 'Q' and q.answer_count <>"
                                    + " (select count(*) from post a where a.question_id = q.id)"),
                    "answer counts");
            assertEquals(
                    0L,
                    single(
                            em,
                            "select count(*) from post p where p.comment_count <> (select count(*) from post_comment c where c.post_id = p.id)"),
                    "comment counts");
            assertEquals(
                    0L,
                    single(
                            em,
                            "select count(*) from tag t where t.question_count <> (select count(*) from question_tag qt where qt.tag_id = t.id)"),
                    "tag counts");
            assertEquals(
                    0L,
                    single(
                            em,
                            "select count(*) from post q join post a on a.id = q.accepted_answer_id where a.question_id <> q.id"),
                    "accepted answers belong to their question");
            assertEquals(
                    0L,
                    single(
                            em,
                            "select count(*) from vote v join post p on p.id = v.post_id where v.voter_id = p.owner_id"),
                    "nobody voted on their own post");
            assertEquals(0L, single(em, "select count(*) from parley_user where reputation < 1"), "reputation floor");
            assertEquals(
                    0L,
                    single(
                            em,
                            "select count(*) from post where post_type = 'Q' and (length(title) < 15 or length(title) > 150 or title not like '%?')"),
                    "titles");
            assertEquals(0L, single(em, "select count(*) from post where length(body_markdown) < 30"), "bodies");
            assertEquals(0L, single(em, "select count(*) from post where row_version < 1"), "row versions");
            assertEquals(
                    single(em, "select count(*) from post"),
                    single(em, "select count(distinct row_version) from post"),
                    "row versions are unique");
            long tags =
                    single(em, "select count(*) from tag t join site s on s.id = t.site_id where s.host = 'localhost'");
            assertTrue(tags >= 40 && tags <= 60, "tags on localhost: " + tags);
            long accepted = single(em, "select count(*) from post where accepted_answer_id is not null");
            assertTrue(accepted > 100, "accepted: " + accepted);
            long unanswered = single(em, "select count(*) from post where post_type = 'Q' and answer_count = 0");
            assertTrue(unanswered > 20, "unanswered: " + unanswered);
            Instant oldest = em.createQuery("select min(p.createdAt) from Post p", Instant.class)
                    .getSingleResult();
            assertTrue(
                    oldest.isBefore(Instant.now().minus(Duration.ofDays(700))), "dates spread over years: " + oldest);
            long topTag = single(em, "select max(question_count) from tag");
            long median = single(em, "select count(*) from tag where question_count * 8 >= " + topTag);
            assertTrue(median < tags / 2, "a few tags dominate, Zipf-like");
        } finally {
            em.close();
        }
    }

    @Test
    void theContentIsTheSameOnEveryFreshDatabase() {
        List<String> first = titlesAfterSeeding(h2);
        try (H2Services other = new H2Services()) {
            assertEquals(first, titlesAfterSeeding(other));
        }
        assertTrue(first.stream().allMatch(t -> t.endsWith("?")), first.toString());
    }

    private static List<String> titlesAfterSeeding(H2Services db) {
        db.tx(() -> db.bean(DemoSeeder.class).seedIfEmpty(PASSWORD));
        SiteInfo local =
                db.tx(() -> db.bean(SiteService.class).findByHost("localhost")).orElseThrow();
        return db.tx(() -> db.bean(ListingService.class).list(local.id(), QuestionSort.VOTES, 1, 30)).items().stream()
                .map(QuestionSummary::title)
                .toList();
    }

    private static long single(EntityManager em, String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
