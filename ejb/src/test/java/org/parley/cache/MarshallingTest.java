package org.parley.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.cache.proto.Marshalling;
import org.parley.dump.Attribution;
import org.parley.link.LinkedQuestion;
import org.parley.link.LinkedQuestionList;
import org.parley.post.AnswerView;
import org.parley.post.CommentView;
import org.parley.post.QuestionDetail;
import org.parley.post.QuestionSummary;
import org.parley.post.VoteType;
import org.parley.site.Limit;
import org.parley.site.Privilege;
import org.parley.site.PrivilegeLadder;
import org.parley.site.SiteInfo;
import org.parley.site.SiteLimits;
import org.parley.user.UserRef;

/** ProtoStream round trips of everything the tier stores, nulls and nanoseconds included. */
class MarshallingTest {

    private static final Instant T = Instant.parse("2026-11-02T10:15:30.123456789Z");
    private static final UserRef ADA = new UserRef(3L, "Ada", "ada", 120);
    private static final UserRef GONE = new UserRef(null, "gone", "gone", 0);

    @Test
    void questionDetailRoundTrips() {
        CommentView comment = new CommentView(9, "Which model?", 2, T, GONE);
        AnswerView answer =
                new AnswerView(12, "<p>Turn it</p>", 4, true, T, null, ADA, List.of(comment), VoteType.UP, T, T);
        QuestionDetail detail = new QuestionDetail(
                5,
                "How do I tune a derailleur?",
                "how-do-i-tune-a-derailleur",
                List.of("gears", "maintenance"),
                "<p>body</p>",
                "body",
                -1,
                1234,
                T,
                T.plusSeconds(60),
                null,
                null,
                ADA,
                12L,
                List.of(comment),
                List.of(answer),
                null,
                T.plusSeconds(120),
                T.plusSeconds(180));
        assertEquals(detail, roundTrip(detail));
    }

    @Test
    void summariesSitesStringsAndPagesRoundTrip() {
        QuestionSummary summary =
                new QuestionSummary(5, "Title of it", "title-of-it", List.of(), 0, 0, false, 0, T, T, null);
        assertEquals(summary, roundTrip(summary));
        SiteInfo site = new SiteInfo(4, "bicycles.localhost", "bicycles", "Bicycles", "");
        assertEquals(site, roundTrip(site));
        SiteInfo math = new SiteInfo(5, "qc.localhost", "qc", "Quantum", "", "en", null, List.of(), true);
        assertEquals(math, roundTrip(math), "the math setting travels too");
        SiteInfo small = new SiteInfo(
                6,
                "small.localhost",
                "small",
                "Small",
                "",
                "en",
                null,
                List.of(),
                false,
                PrivilegeLadder.of(Map.of(Privilege.CLOSE_REOPEN, 500)));
        SiteInfo smallBack = (SiteInfo) roundTrip(small);
        assertEquals(small, smallBack, "a site's own privilege thresholds travel too");
        assertEquals(500, smallBack.privileges().threshold(Privilege.CLOSE_REOPEN));
        SiteInfo limited = new SiteInfo(
                7,
                "limited.localhost",
                "limited",
                "Limited",
                "",
                "en",
                null,
                List.of(),
                false,
                null,
                SiteLimits.of(Map.of(Limit.VOTES_PER_DAY, 30, Limit.NEW_USER_REPUTATION, 0)));
        SiteInfo limitedBack = (SiteInfo) roundTrip(limited);
        assertEquals(limited, limitedBack, "a site's own limits travel too");
        assertEquals(30, limitedBack.limits().value(Limit.VOTES_PER_DAY));
        assertEquals(0, limitedBack.limits().value(Limit.NEW_USER_REPUTATION));
        assertEquals("<div>fragment</div>", roundTrip("<div>fragment</div>"));

        CachedPage page = new CachedPage("text/html;charset=UTF-8", new byte[] {1, 2, 3}, "\"abc\"", 1234L);
        CachedPage back = (CachedPage) roundTrip(page);
        assertArrayEquals(page.body(), back.body());
        assertEquals(page.etag(), back.etag());
        assertEquals(page.contentType(), back.contentType());
        assertEquals(page.lastModifiedMillis(), back.lastModifiedMillis());
        assertArrayEquals(new byte[0], back.gzip());

        CachedPage zipped = new CachedPage("text/html", new byte[] {1, 2, 3}, "\"abc\"", 1234L, new byte[] {9, 8});
        assertArrayEquals(zipped.gzip(), ((CachedPage) roundTrip(zipped)).gzip());
        assertEquals("", back.scriptSources(), "a page without inline scripts needs no hashes");

        CachedPage hashed = new CachedPage(
                "text/html", new byte[] {1}, "\"abc\"", 1234L, new byte[0], "'sha256-AAAA' 'sha256-BBBB'");
        assertEquals(hashed.scriptSources(), ((CachedPage) roundTrip(hashed)).scriptSources());
        assertNull(
                ((CachedPage) roundTrip(new CachedPage("text/html", new byte[] {1}, "\"abc\"", 1L, null, null)))
                        .scriptSources(),
                "a page stored without its hashes reads back as such");
    }

    @Test
    void serverStatisticsRoundTripWithTheirGetTimes() {
        CacheStats stats = new CacheStats();
        stats.hit(2_000);
        stats.miss(3_000_000);
        stats.set();
        StatsSnapshot l2 = stats.snapshot("l2", "web1", 42, 3, 1234, 0);
        ServerStats server = new ServerStats("web1", 1_700_000_000_000L, List.of(l2));
        ServerStats back = (ServerStats) roundTrip(server);
        assertEquals("web1", back.server());
        assertEquals(server.publishedMillis(), back.publishedMillis());
        StatsSnapshot b = back.caches().get(0);
        assertEquals(l2.stats(), b.stats(), "every STAT, percentiles included, survives the trip");
        assertArrayEquals(l2.getTimes(), b.getTimes());
        assertEquals(2, b.histogram().getTotalCount());
    }

    @Test
    void aQuestionPagesLinksAndLicencesRoundTrip() {
        LinkedQuestionList links = new LinkedQuestionList(List.of(
                new LinkedQuestion(7, "Original", "original", 12, true, false),
                new LinkedQuestion(9, "A copy", "a-copy", -1, false, true)));
        assertEquals(links, roundTrip(links));
        assertEquals(new LinkedQuestionList(List.of()), roundTrip(new LinkedQuestionList(List.of())));
        Attribution attribution = new Attribution(
                Map.of(1L, "CC BY-SA 4.0", 2L, "CC BY-SA 3.0", 5L, "CC BY-SA"), Map.of(2L, T, 5L, T.plusSeconds(1)));
        Attribution back = (Attribution) roundTrip(attribution);
        assertEquals(attribution, back);
        assertEquals("CC BY-SA 3.0", back.license(2));
        assertTrue(back.communityWiki(5) && !back.communityWiki(1));
        assertEquals(new Attribution(Map.of(), Map.of()), roundTrip(new Attribution(Map.of(), Map.of())));
    }

    @Test
    void theSchemaIsProtobufNotJavaSerialisation() {
        assertTrue(Marshalling.schema().contains("message QuestionDetail"), Marshalling.schema());
        byte[] bytes = Marshalling.toBytes(new SiteInfo(1, "localhost", "parley", "Parley", ""));
        assertTrue(bytes.length < 80, "compact (Java serialisation takes hundreds): " + bytes.length + " bytes");
        assertTrue(bytes[0] != (byte) 0xAC, "not a Java serialisation stream");
    }

    private static Object roundTrip(Object value) {
        return Marshalling.fromBytes(Marshalling.toBytes(value));
    }
}
