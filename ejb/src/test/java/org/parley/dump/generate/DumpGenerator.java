package org.parley.dump.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.parley.dump.DumpDates;
import org.parley.dump.DumpFile;
import org.parley.dump.DumpXmlWriter;

/**
 * Writes a synthetic dump of {@code questions} questions. Shape (per question, on average): 2 answers, 1-5 tags drawn
 * from about questions/20 tags with Zipf(1.1) popularity, 0.8 comments and 2.5 votes per post, one revision per
 * title, body and tag set; one user per 4 questions (a few users write most posts), 1.5 badges per user, a link or
 * duplicate for 5% of questions (to an earlier question of the same title family when there is one); dates spread
 * over ten years from 2012. The text (titles, bodies, comments) comes from {@link Corpus}: a Zipf vocabulary, tag
 * topic words, title families, code and links. Deterministic for a seed.
 */
public final class DumpGenerator {

    private static final String[] WORDS = {
        "wheel",
        "chain",
        "brake",
        "saddle",
        "frame",
        "tyre",
        "gear",
        "pedal",
        "spoke",
        "hub",
        "crank",
        "fork",
        "helmet",
        "light",
        "lock",
        "route",
        "commute",
        "winter",
        "rain",
        "climb",
        "speed",
        "cadence",
        "repair",
        "fit",
        "steel",
        "carbon",
        "tubeless",
        "pressure",
        "derailleur",
        "cable",
        "bearing",
        "grease",
        "rust",
        "clean",
        "noise",
        "shift",
        "stop",
        "ride",
        "long",
        "short",
        "fast",
        "slow",
        "new",
        "old",
        "best",
        "cheap",
        "lamp",
        "heavy"
    };
    private static final String[] BADGES = {
        "Autobiographer",
        "Teacher",
        "Student",
        "Supporter",
        "Editor",
        "Critic",
        "Scholar",
        "Commentator",
        "Nice Answer",
        "Popular Question",
        "Yearling",
        "Enlightened"
    };
    /** Pseudo-word stems behind the real words: with their inflections about 45,000 word forms. */
    static final int PSEUDO_STEMS = 16_000;

    private static final long START = Instant.parse("2012-01-01T00:00:00Z").toEpochMilli();
    private static final long SPAN = 10L * 365 * 24 * 3600 * 1000;

    private final int questions;
    private final SplittableRandom random;
    private final int users;
    private final int tagCount;
    private final double[] tagCdf;
    private final double[] userCdf;
    private final Vocabulary vocabulary;
    private final Corpus corpus;
    private double leftOut;

    public DumpGenerator(int questions, long seed) {
        if (questions < 1) {
            throw new IllegalArgumentException("At least one question");
        }
        this.questions = questions;
        this.random = new SplittableRandom(seed);
        this.users = Math.max(5, questions / 4);
        this.tagCount = Math.max(5, questions / 20);
        this.tagCdf = zipf(tagCount, 1.1);
        this.userCdf = zipf(users, 0.9);
        this.vocabulary = new Vocabulary(seed, PSEUDO_STEMS);
        this.corpus = new Corpus(vocabulary, seed, tagCount, WORDS);
    }

    /**
     * Leaves about {@code share} of the questions out of Posts.xml, with their answers, comments and history, the way
     * the public dumps leave out posts deleted on the site; their votes, and links from and to them, stay in Votes.xml
     * and PostLinks.xml, as in the public dumps. Without it (0, the default) every vote and link names a post of the
     * dump, and the files are the same bytes as before this option existed.
     *
     * @return this generator
     */
    public DumpGenerator leavingOut(double share) {
        if (share < 0 || share >= 1) {
            throw new IllegalArgumentException("A share in [0, 1): " + share);
        }
        this.leftOut = share;
        return this;
    }

    /** Figures of a generated dump: rows per file. */
    public record Stats(Map<DumpFile, Long> rows) {}

    public static void main(String[] args) throws Exception {
        Integer n = null;
        long seed = 1;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--questions" ->
                    n = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        if (n == null || out == null) {
            System.err.println("usage: DumpGenerator --questions N --seed S --out DIR");
            System.exit(2);
        }
        long started = System.nanoTime();
        Stats stats = new DumpGenerator(n, seed).write(out);
        long rows = stats.rows().values().stream().mapToLong(Long::longValue).sum();
        stats.rows().forEach((f, r) -> System.out.printf("%-16s %,12d rows%n", f.fileName(), r));
        System.out.printf("Wrote %,d rows to %s in %.1f s%n", rows, out, (System.nanoTime() - started) / 1e9);
    }

    /** Writes the eight files into {@code out} (created if missing). */
    public Stats write(Path out) throws java.io.IOException {
        Files.createDirectories(out);
        Map<DumpFile, Long> rows = new LinkedHashMap<>();
        try (DumpXmlWriter u = new DumpXmlWriter(out, DumpFile.USERS);
                DumpXmlWriter t = new DumpXmlWriter(out, DumpFile.TAGS);
                DumpXmlWriter p = new DumpXmlWriter(out, DumpFile.POSTS);
                DumpXmlWriter c = new DumpXmlWriter(out, DumpFile.COMMENTS);
                DumpXmlWriter v = new DumpXmlWriter(out, DumpFile.VOTES);
                DumpXmlWriter b = new DumpXmlWriter(out, DumpFile.BADGES);
                DumpXmlWriter h = new DumpXmlWriter(out, DumpFile.POST_HISTORY);
                DumpXmlWriter l = new DumpXmlWriter(out, DumpFile.POST_LINKS)) {
            writeUsers(u);
            writeTags(t);
            writePosts(p, c, v, h, l);
            writeBadges(b);
            rows.put(DumpFile.USERS, u.rows());
            rows.put(DumpFile.TAGS, t.rows());
            rows.put(DumpFile.POSTS, p.rows());
            rows.put(DumpFile.COMMENTS, c.rows());
            rows.put(DumpFile.VOTES, v.rows());
            rows.put(DumpFile.BADGES, b.rows());
            rows.put(DumpFile.POST_HISTORY, h.rows());
            rows.put(DumpFile.POST_LINKS, l.rows());
        }
        return new Stats(rows);
    }

    private void writeUsers(DumpXmlWriter w) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("Id", "-1");
        a.put("Reputation", "1");
        a.put("CreationDate", date(START - 86_400_000L));
        a.put("DisplayName", "Community");
        a.put("AboutMe", "<p>Hi, I'm not really a person.</p>");
        a.put("Views", "0");
        a.put("UpVotes", "0");
        a.put("DownVotes", "0");
        a.put("AccountId", "-1");
        w.row(a);
        for (int id = 1; id <= users; id++) {
            a.clear();
            a.put("Id", Integer.toString(id));
            a.put("Reputation", Integer.toString(1 + (int) (100_000 / Math.pow(id, 0.9) * random.nextDouble())));
            a.put("CreationDate", date(START + (long) (SPAN * ((double) id / users) * 0.9)));
            a.put("DisplayName", capital(word()) + " " + capital(word()) + " " + id);
            a.put("LastAccessDate", date(START + SPAN));
            if (random.nextInt(3) == 0) {
                a.put("Location", capital(word()) + "ville");
            }
            if (random.nextInt(4) == 0) {
                a.put("AboutMe", "<p>I like my " + word() + " and my " + word() + ".</p>");
            }
            a.put("Views", Integer.toString(random.nextInt(1000)));
            a.put("UpVotes", Integer.toString(random.nextInt(500)));
            a.put("DownVotes", Integer.toString(random.nextInt(50)));
            a.put("AccountId", Integer.toString(1_000_000 + id));
            w.row(a);
        }
    }

    private void writeTags(DumpXmlWriter w) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < tagCount; i++) {
            a.clear();
            a.put("Id", Integer.toString(i + 1));
            a.put("TagName", corpus.tagName(i));
            // The expected number of questions carrying it: Zipf share times about three tags per question.
            double share = tagCdf[i] - (i == 0 ? 0 : tagCdf[i - 1]);
            a.put("Count", Long.toString(Math.round(share * questions * 3)));
            w.row(a);
        }
    }

    private void writePosts(DumpXmlWriter p, DumpXmlWriter c, DumpXmlWriter v, DumpXmlWriter h, DumpXmlWriter l) {
        long postId = 0;
        long commentId = 0;
        long voteId = 0;
        long historyId = 0;
        long linkId = 0;
        Map<String, String> a = new LinkedHashMap<>();
        // The last question of each title family, for duplicate and related links within a family.
        Map<Long, Long> lastOfFamily = new HashMap<>();
        for (int q = 0; q < questions; q++) {
            long qId = ++postId;
            // Drawn only when asked for, so that the default dump stays the same bytes.
            boolean kept = leftOut == 0 || random.nextDouble() >= leftOut;
            DumpXmlWriter keptPosts = kept ? p : null;
            DumpXmlWriter keptComments = kept ? c : null;
            DumpXmlWriter keptHistory = kept ? h : null;
            long asked = START + (long) (SPAN * (double) q / questions) + random.nextInt(3_600_000);
            int answers = pickAnswers();
            long[] answerIds = new long[answers];
            for (int i = 0; i < answers; i++) {
                answerIds[i] = qId + 1 + i;
            }
            postId += answers;
            long owner = user();
            int[] tagIds = tags();
            Corpus.Family family = family(tagIds[0]);
            String title = corpus.title(family, tagIds, random);
            String tags = tagList(tagIds);
            String body = corpus.questionBody(family, tagIds, random);
            String license = license(asked);
            int score = score();
            int qComments = comments();
            long accepted = answers > 0 && random.nextInt(10) < 5 ? answerIds[random.nextInt(answers)] : 0;
            long lastActivity = asked + (answers > 0 ? 3_600_000L * answers * 3 : 0);
            a.clear();
            a.put("Id", Long.toString(qId));
            a.put("PostTypeId", "1");
            if (accepted > 0) {
                a.put("AcceptedAnswerId", Long.toString(accepted));
            }
            a.put("CreationDate", date(asked));
            a.put("Score", Integer.toString(score));
            a.put("ViewCount", Integer.toString(10 + random.nextInt(5000)));
            a.put("Body", body);
            a.put("OwnerUserId", Long.toString(owner));
            a.put("LastActivityDate", date(lastActivity));
            a.put("Title", title);
            a.put("Tags", tags);
            a.put("AnswerCount", Integer.toString(answers));
            a.put("CommentCount", Integer.toString(qComments));
            if (random.nextInt(50) == 0) {
                a.put("ClosedDate", date(asked + 86_400_000L));
            }
            a.put("ContentLicense", license);
            row(keptPosts, a);
            String guid = guid();
            historyId = history(keptHistory, historyId, 2, qId, guid, asked, owner, body, license);
            historyId = history(keptHistory, historyId, 1, qId, guid, asked, owner, title, license);
            historyId = history(keptHistory, historyId, 3, qId, guid, asked, owner, tags, license);
            commentId = comments(keptComments, commentId, qId, qComments, asked, family, tagIds);
            voteId = votes(v, voteId, qId, score, asked, 0);
            Long sibling = lastOfFamily.put(family.key(), qId);
            if (q > 10 && random.nextInt(20) == 0) {
                // A duplicate or related question is an earlier one of the same family when there is one.
                boolean inFamily = sibling != null;
                a.clear();
                a.put("Id", Long.toString(++linkId));
                a.put("CreationDate", date(asked + 60_000));
                a.put("PostId", Long.toString(qId));
                a.put("RelatedPostId", Long.toString(inFamily ? sibling : 1 + random.nextLong(qId - 1)));
                a.put("LinkTypeId", random.nextInt(10) < (inFamily ? 4 : 1) ? "3" : "1");
                l.row(a);
            }
            for (int i = 0; i < answers; i++) {
                long aId = answerIds[i];
                long answered = asked + 3_600_000L * (i + 1) * 3;
                long answerer = user();
                String answerBody = corpus.answerBody(family, tagIds, random);
                int answerScore = score();
                int aComments = comments();
                a.clear();
                a.put("Id", Long.toString(aId));
                a.put("PostTypeId", "2");
                a.put("ParentId", Long.toString(qId));
                a.put("CreationDate", date(answered));
                a.put("Score", Integer.toString(answerScore));
                a.put("Body", answerBody);
                a.put("OwnerUserId", Long.toString(answerer));
                a.put("LastActivityDate", date(answered));
                a.put("CommentCount", Integer.toString(aComments));
                a.put("ContentLicense", license(answered));
                row(keptPosts, a);
                historyId = history(
                        keptHistory, historyId, 2, aId, guid(), answered, answerer, answerBody, license(answered));
                commentId = comments(keptComments, commentId, aId, aComments, answered, family, tagIds);
                voteId = votes(v, voteId, aId, answerScore, answered, aId == accepted ? 1 : 0);
            }
        }
    }

    private long history(
            DumpXmlWriter h, long id, int type, long post, String guid, long when, long user, String text, String lic) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("Id", Long.toString(id + 1));
        a.put("PostHistoryTypeId", Integer.toString(type));
        a.put("PostId", Long.toString(post));
        a.put("RevisionGUID", guid);
        a.put("CreationDate", date(when));
        a.put("UserId", Long.toString(user));
        a.put("Text", text);
        a.put("ContentLicense", lic);
        row(h, a);
        return id + 1;
    }

    /** Writes a row unless {@code w} is null (a post left out of the dump, see {@link #leavingOut}). */
    private static void row(DumpXmlWriter w, Map<String, String> a) {
        if (w != null) {
            w.row(a);
        }
    }

    private long comments(
            DumpXmlWriter c, long id, long post, int count, long after, Corpus.Family family, int[] tags) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            a.clear();
            a.put("Id", Long.toString(++id));
            a.put("PostId", Long.toString(post));
            a.put("Score", Integer.toString(random.nextInt(4)));
            a.put("Text", corpus.comment(family, tags, random));
            a.put("CreationDate", date(after + 600_000L * (i + 1)));
            a.put("UserId", Long.toString(user()));
            a.put("ContentLicense", license(after));
            row(c, a);
        }
        return id;
    }

    /** Up and down votes that add up to about the score, plus an accept vote; dates are days, as in the dumps. */
    private long votes(DumpXmlWriter v, long id, long post, int score, long when, int accept) {
        Map<String, String> a = new LinkedHashMap<>();
        int ups = Math.max(0, score) + random.nextInt(2);
        int downs = Math.max(0, -score) + (random.nextInt(6) == 0 ? 1 : 0);
        String day = date(when - Math.floorMod(when, 86_400_000L));
        for (int i = 0; i < ups + downs + accept; i++) {
            a.clear();
            a.put("Id", Long.toString(++id));
            a.put("PostId", Long.toString(post));
            a.put("VoteTypeId", i < accept ? "1" : i < accept + ups ? "2" : "3");
            a.put("CreationDate", day);
            v.row(a);
        }
        return id;
    }

    private void writeBadges(DumpXmlWriter w) {
        Map<String, String> a = new LinkedHashMap<>();
        long id = 0;
        for (int user = 1; user <= users; user++) {
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                a.clear();
                a.put("Id", Long.toString(++id));
                a.put("UserId", Integer.toString(user));
                a.put("Name", BADGES[random.nextInt(BADGES.length)]);
                a.put("Date", date(START + (long) (SPAN * random.nextDouble())));
                a.put("Class", Integer.toString(1 + random.nextInt(3)));
                a.put("TagBased", "False");
                w.row(a);
            }
        }
    }

    private int pickAnswers() {
        // 0..4, mean 2
        return random.nextInt(5);
    }

    private int comments() {
        int r = random.nextInt(10);
        return r < 5 ? 0 : r < 8 ? 1 : 2;
    }

    private int score() {
        int r = random.nextInt(100);
        return r < 10 ? -1 : r < 40 ? 0 : r < 90 ? 1 + random.nextInt(3) : 4 + random.nextInt(20);
    }

    private long user() {
        return 1 + pick(userCdf);
    }

    /** 1-5 distinct tags, popular ones more often; the first is the question's primary tag (its title family's). */
    private int[] tags() {
        int n = 1 + random.nextInt(Math.min(5, tagCount));
        int[] chosen = new int[n];
        int have = 0;
        int tries = 0;
        while (have < n && tries++ < 50) {
            int t = pick(tagCdf);
            boolean seen = false;
            for (int i = 0; i < have; i++) {
                seen |= chosen[i] == t;
            }
            if (!seen) {
                chosen[have++] = t;
            }
        }
        return have == n ? chosen : java.util.Arrays.copyOf(chosen, have);
    }

    /** As in the dumps: {@code <a><b>}. */
    private String tagList(int[] tags) {
        StringBuilder b = new StringBuilder();
        for (int t : tags) {
            b.append('<').append(corpus.tagName(t)).append('>');
        }
        return b.toString();
    }

    /**
     * A title family of the primary tag: about one per five of its questions, the first ones larger (a skewed draw),
     * so some questions are asked again and again and others once.
     */
    private Corpus.Family family(int tag) {
        double share = tagCdf[tag] - (tag == 0 ? 0 : tagCdf[tag - 1]);
        int families = (int) Math.max(1, share * questions / 5);
        return corpus.family(tag, (int) (families * Math.pow(random.nextDouble(), 1.5)));
    }

    private int pick(double[] cdf) {
        double r = random.nextDouble();
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String guid() {
        return String.format(
                Locale.ROOT,
                "%08x-%04x-4%03x-a%03x-%012x",
                random.nextInt(),
                random.nextInt(1 << 16),
                random.nextInt(1 << 12),
                random.nextInt(1 << 12),
                random.nextLong(1L << 48));
    }

    private static String license(long when) {
        return when < Instant.parse("2013-05-01T00:00:00Z").toEpochMilli()
                ? "CC BY-SA 3.0"
                : when < Instant.parse("2018-05-02T00:00:00Z").toEpochMilli() ? "CC BY-SA 3.0" : "CC BY-SA 4.0";
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String date(long millis) {
        return DumpDates.format(Instant.ofEpochMilli(millis));
    }
}
