package org.parley.listing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.post.QuestionSort;

/**
 * A snapshot changed by batches (a few documents moved in place, many merged anew, new questions, deleted ones)
 * answers exactly as one built from scratch on the same rows, and as one without per-tag runs; its runs hold what a
 * fresh build's do.
 */
class SiteIndexChangesTest {

    /** Tags of at least this many questions get runs: most of the 40 here, so changes move documents in runs. */
    private static final int RUNS = 60;

    @Test
    void changedSnapshotsAnswerLikeFreshOnes() {
        SyntheticQuestions data = new SyntheticQuestions(11, 4_000, 40, true);
        List<QuestionRow> rows = new ArrayList<>(data.rows);
        SiteIndex index = data.index(RUNS);
        Random random = new Random(3);
        long version = rows.size() + 1L;
        long next = rows.get(rows.size() - 1).number() + 1;
        for (int batch : new int[] {1, 3, 200, 1, 500, 2}) {
            List<QuestionRow> changed = new ArrayList<>();
            List<Long> gone = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                int at = random.nextInt(rows.size());
                QuestionRow r = rows.get(at);
                if (random.nextInt(20) == 0) {
                    rows.remove(at);
                    gone.add(r.number());
                    changed.removeIf(c -> c.number() == r.number()); // a question read back is not gone too
                    continue;
                }
                String tags = random.nextInt(4) == 0
                        ? rows.get(random.nextInt(rows.size())).tagNames()
                        : r.tagNames();
                QuestionRow c = new QuestionRow(
                        r.number(),
                        r.createdNanos(),
                        r.activityNanos() + random.nextInt(3) * 1_000_000_000L,
                        r.score() + random.nextInt(5) - 2,
                        r.answerCount() + random.nextInt(2),
                        r.accepted(),
                        r.closed(),
                        version++,
                        tags);
                rows.set(at, c);
                changed.add(c);
            }
            for (int i = 0; i < batch / 3 + 1; i++) {
                QuestionRow n = new QuestionRow(
                        next++,
                        rows.get(0).createdNanos() + i,
                        rows.get(0).createdNanos() + i,
                        0,
                        0,
                        false,
                        false,
                        version++,
                        rows.get(random.nextInt(rows.size())).tagNames());
                rows.add(n);
                changed.add(n);
            }
            index = index.withChanges(changed, gone);
            SiteIndexBuilder fresh = new SiteIndexBuilder(RUNS);
            rows.forEach(fresh::add);
            SiteIndex expected = fresh.build();
            SiteIndexBuilder plain = new SiteIndexBuilder(Integer.MAX_VALUE);
            rows.forEach(plain::add);
            SiteIndex withoutRuns = plain.build();
            String[] t = data.tagNames;
            for (QuestionSort sort : QuestionSort.values()) {
                for (String e : new String[] {
                    t[0],
                    t[1] + " or " + t[5],
                    "-" + t[2],
                    t[0] + "+" + t[1],
                    t[1] + " -" + t[0],
                    t[3] + " or " + t[4] + " " + t[0],
                    t[6] + " or " + t[2] + " -" + t[1]
                }) {
                    TagExpression expression = TagExpression.parse(e);
                    for (int page : new int[] {1, 7, 30}) {
                        IdPage want = expected.questions(expression, sort, page, 25, new ArrayList<>());
                        String what = "batch of " + batch + ": " + e + " " + sort + " page " + page;
                        assertEquals(want, index.questions(expression, sort, page, 25, new ArrayList<>()), what);
                        assertEquals(
                                want,
                                withoutRuns.questions(expression, sort, page, 25, new ArrayList<>()),
                                "no runs, " + what);
                    }
                }
            }
            int compared = 0;
            for (Order order : new Order[] {Order.NEWEST, Order.VOTES}) {
                for (String tag : t) {
                    long[] want = expected.runNumbers(order, tag);
                    long[] have = index.runNumbers(order, tag);
                    if (want != null && have != null) {
                        assertArrayEquals(want, have, "run of " + tag + " by " + order + " after a batch of " + batch);
                        compared++;
                    }
                }
            }
            assertTrue(compared > 10, "runs compared: " + compared);
            assertEquals(expected.tags("", 1, 100), index.tags("", 1, 100), "tag counts after a batch of " + batch);
        }
    }

    @Test
    void rowsInAnyOrderBuildTheSameSnapshot() {
        SyntheticQuestions data = new SyntheticQuestions(12, 4_000, 40, true);
        SiteIndex inOrder = data.index(RUNS);
        List<QuestionRow> shuffled = new ArrayList<>(data.rows);
        Collections.shuffle(shuffled, new Random(4));
        SiteIndexBuilder builder = new SiteIndexBuilder(RUNS);
        shuffled.forEach(builder::add);
        SiteIndex index = builder.build();
        String[] t = data.tagNames;
        for (QuestionSort sort : QuestionSort.values()) {
            for (String e :
                    new String[] {t[0], t[1] + " or " + t[5], "-" + t[2], t[0] + "+" + t[1], t[1] + " -" + t[0]}) {
                for (int page : new int[] {1, 7, 30}) {
                    TagExpression expression = TagExpression.parse(e);
                    assertEquals(
                            inOrder.questions(expression, sort, page, 25, new ArrayList<>()),
                            index.questions(expression, sort, page, 25, new ArrayList<>()),
                            e + " " + sort + " page " + page);
                }
            }
        }
        for (int doc = 0; doc < data.rows.size(); doc += 97) {
            assertEquals(inOrder.row(doc), index.row(doc), "document " + doc);
        }
        assertArrayEquals(inOrder.runNumbers(Order.VOTES, t[0]), index.runNumbers(Order.VOTES, t[0]));
        assertEquals(inOrder.tags("", 1, 100), index.tags("", 1, 100));

        SiteIndexBuilder twice = new SiteIndexBuilder(RUNS);
        twice.add(data.rows.get(1)).add(data.rows.get(0)).add(data.rows.get(1));
        assertThrows(IllegalArgumentException.class, twice::build);
    }
}
