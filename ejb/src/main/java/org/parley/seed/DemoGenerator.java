package org.parley.seed;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.parley.common.Role;
import org.parley.markdown.MarkdownRenderer;
import org.parley.post.Answer;
import org.parley.post.Comment;
import org.parley.post.Post;
import org.parley.post.Question;
import org.parley.post.RowVersions;
import org.parley.post.VoteChange;
import org.parley.post.VoteType;
import org.parley.seed.Topic.Snippet;
import org.parley.site.Site;
import org.parley.tag.Tag;
import org.parley.user.PasswordHasher;
import org.parley.user.User;

/**
 * Fills one site with generated users, questions, answers, comments, votes and accepts. Everything goes through the
 * entities' own rules, so scores, counts and reputation are as consistent as real ones. The same seed and topic
 * give the same content; dates are spread over the three years before {@code now}.
 */
final class DemoGenerator {

    /** What one run created. */
    record Stats(int users, int questions, int answers, int comments, int votes) {}

    private static final Duration SPAN = Duration.ofDays(3 * 365);
    private static final double ZIPF_EXPONENT = 1.05;

    private final EntityManager em;
    private final MarkdownRenderer markdown;
    private final Random random;
    private final Instant now;

    private final Map<String, Tag> tags = new HashMap<>();
    private int comments;
    private int votes;
    private int answers;

    DemoGenerator(EntityManager em, MarkdownRenderer markdown, long seed, Instant now) {
        this.em = em;
        this.markdown = markdown;
        this.random = new Random(seed);
        this.now = now;
    }

    /**
     * Creates {@code userCount} users with unusable passwords (one of them a moderator) and {@code questionCount}
     * questions with their answers, comments and votes. Call with the site row locked.
     */
    Stats populate(Site site, Topic topic, int userCount, int questionCount) {
        // Thousands of new entities: without this every row version query would dirty-check all of them first.
        FlushModeType flushMode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        try {
            return generate(site, topic, userCount, questionCount);
        } finally {
            em.setFlushMode(flushMode);
        }
    }

    private Stats generate(Site site, Topic topic, int userCount, int questionCount) {
        List<User> users = createUsers(site, topic, userCount);
        double[] tagWeights = zipfCumulative(topic.tags().size());
        List<Instant> askedAt = new ArrayList<>();
        for (int i = 0; i < questionCount; i++) {
            askedAt.add(now.minus(Duration.ofSeconds((long) (random.nextDouble() * SPAN.toSeconds()))));
        }
        askedAt.sort(Comparator.naturalOrder());
        for (Instant asked : askedAt) {
            createQuestion(site, topic, users, tagWeights, asked);
        }
        // A user who left: their posts keep the name, without a profile link.
        users.get(users.size() - 1).delete();
        // Views in one statement, derived from what the question got, so popular questions look popular.
        em.flush();
        em.createQuery("update Question q set q.viewCount = q.score * 23 + q.answerCount * 41"
                        + " + mod(q.number * 7919, 400) + 3 where q.site = :site")
                .setParameter("site", site)
                .executeUpdate();
        return new Stats(users.size(), questionCount, answers, comments, votes);
    }

    private List<User> createUsers(Site site, Topic topic, int count) {
        List<User> users = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String first = pick(topic.firstNames());
            String last = pick(topic.lastNames());
            String username = (first + "." + last).toLowerCase(Locale.ROOT);
            for (int n = 2; !taken.add(username); n++) {
                username = (first + "." + last).toLowerCase(Locale.ROOT) + n;
            }
            Instant joined = now.minus(Duration.ofSeconds((long) (random.nextDouble() * SPAN.toSeconds()) + 86_400));
            User user = new User(
                    site,
                    site.takeUserNumber(),
                    username,
                    first + " " + last,
                    PasswordHasher.UNUSABLE,
                    i == 0 ? Role.MODERATOR : Role.USER,
                    joined);
            em.persist(user);
            users.add(user);
        }
        return users;
    }

    private void createQuestion(Site site, Topic topic, List<User> users, double[] tagWeights, Instant asked) {
        User asker = pick(users);
        List<String> names = pickTags(topic, tagWeights);
        String title = title(topic, names);
        String body = questionBody(topic, names);
        Question question = new Question(
                site,
                site.takePostNumber(),
                asker,
                title,
                body,
                markdown.toSafeHtml(body),
                names.stream().map(n -> tag(site, n)).toList(),
                asked,
                RowVersions.next(em));
        em.persist(question);
        vote(question, users, 2.5);
        comment(question, topic, users, 0.35);

        int answerCount = answerCount();
        List<Answer> posted = new ArrayList<>();
        for (int i = 0; i < answerCount; i++) {
            User answerer = pickOther(users, asker);
            Instant at = after(asked, Duration.ofHours(8));
            String answerBody = answerBody(topic, names);
            Answer answer = new Answer(
                    site,
                    site.takePostNumber(),
                    answerer,
                    question,
                    answerBody,
                    markdown.toSafeHtml(answerBody),
                    at,
                    RowVersions.next(em));
            em.persist(answer);
            answers++;
            vote(answer, users, 2.0);
            comment(answer, topic, users, 0.25);
            posted.add(answer);
        }
        if (!posted.isEmpty() && random.nextDouble() < 0.55) {
            Answer best =
                    posted.stream().max(Comparator.comparingInt(Post::getScore)).orElseThrow();
            question.accept(asker, best);
        }
    }

    private void vote(Post post, List<User> users, double mean) {
        int count = Math.min(users.size() - 1, (int) (-Math.log(1 - random.nextDouble()) * mean));
        Set<User> voted = new HashSet<>();
        while (voted.size() < count) {
            User voter = pickOther(users, post.getOwner());
            if (voted.add(voter)) {
                VoteType type = random.nextDouble() < 0.85 ? VoteType.UP : VoteType.DOWN;
                VoteChange change = post.vote(voter, null, type, after(post.getCreatedAt(), Duration.ofDays(20)));
                em.persist(change.toPersist());
                votes++;
            }
        }
    }

    private void comment(Post post, Topic topic, List<User> users, double chance) {
        while (random.nextDouble() < chance) {
            Comment c = new Comment(
                    post, pick(users), pick(topic.comments()), after(post.getCreatedAt(), Duration.ofDays(2)));
            em.persist(c);
            comments++;
            chance /= 2;
        }
    }

    private Tag tag(Site site, String name) {
        return tags.computeIfAbsent(name, n -> {
            Tag tag = new Tag(site, n);
            em.persist(tag);
            return tag;
        });
    }

    private String title(Topic topic, List<String> names) {
        for (int attempt = 0; ; attempt++) {
            String t = pick(topic.titles())
                    .replace("{tag}", names.get(0))
                    .replace("{thing}", pick(topic.things()))
                    .replace("{problem}", pick(topic.problems()))
                    .replace("{other}", names.size() > 1 ? names.get(1) : pick(topic.tags()));
            t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
            if (!t.endsWith("?")) {
                t = t + "?";
            }
            if ((t.length() >= Question.MIN_TITLE && t.length() <= Question.MAX_TITLE) || attempt > 20) {
                return t;
            }
        }
    }

    private String questionBody(Topic topic, List<String> names) {
        StringBuilder b = new StringBuilder();
        b.append(pick(topic.questionOpeners()))
                .append(' ')
                .append(pick(topic.questionDetails()))
                .append("\n\n");
        b.append("I am using **").append(names.get(0)).append("**");
        if (names.size() > 1) {
            b.append(" together with `").append(names.get(1)).append('`');
        }
        b.append(". Here is what it looks like:\n\n");
        appendSnippet(b, topic, names);
        b.append("What I have tried so far:\n\n");
        List<String> tried =
                new ArrayList<>(new LinkedHashSet<>(List.of(pick(topic.triedSteps()), pick(topic.triedSteps()))));
        tried.forEach(s -> b.append("- ").append(s).append('\n'));
        b.append("\nNone of that changed anything. What am I missing?");
        return b.toString();
    }

    private String answerBody(Topic topic, List<String> names) {
        StringBuilder b = new StringBuilder(pick(topic.answerOpeners())).append("\n\n");
        List<String> steps = new ArrayList<>(new LinkedHashSet<>(
                List.of(pick(topic.answerSteps()), pick(topic.answerSteps()), pick(topic.answerSteps()))));
        for (int i = 0; i < steps.size(); i++) {
            b.append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        b.append('\n');
        if (random.nextDouble() < 0.4) {
            appendSnippet(b, topic, names);
        }
        b.append(pick(topic.answerClosers()));
        return b.toString();
    }

    private void appendSnippet(StringBuilder b, Topic topic, List<String> names) {
        List<Snippet> fitting = topic.snippets().stream()
                .filter(s -> s.tags().stream().anyMatch(names::contains))
                .toList();
        List<Snippet> pool = fitting.isEmpty()
                ? topic.snippets().stream().filter(s -> s.tags().isEmpty()).toList()
                : fitting;
        if (pool.isEmpty()) {
            return;
        }
        Snippet s = pick(pool);
        b.append("```").append(s.language()).append('\n').append(s.code()).append("\n```\n\n");
    }

    /** 1..5 distinct tags, most often 2 or 3, drawn Zipf-like so a few tags are very common. */
    private List<String> pickTags(Topic topic, double[] cumulative) {
        int wanted = 1 + (int) Math.min(4, Math.floor(-Math.log(1 - random.nextDouble()) * 1.6));
        Set<String> names = new LinkedHashSet<>();
        for (int guard = 0; names.size() < wanted && guard < 50; guard++) {
            names.add(topic.tags().get(zipf(cumulative)));
        }
        return new ArrayList<>(names);
    }

    private int answerCount() {
        double r = random.nextDouble();
        return r < 0.15 ? 0 : r < 0.40 ? 1 : r < 0.70 ? 2 : r < 0.88 ? 3 : r < 0.96 ? 4 : 5;
    }

    private static double[] zipfCumulative(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, ZIPF_EXPONENT);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private int zipf(double[] cumulative) {
        double r = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (r <= cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** A moment after {@code start}, typically within {@code typical}, never after now. */
    private Instant after(Instant start, Duration typical) {
        long seconds = 60 + (long) (-Math.log(1 - random.nextDouble()) * typical.toSeconds());
        Instant t = start.plusSeconds(seconds);
        return t.isAfter(now) ? now : t;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private User pickOther(List<User> users, User not) {
        for (; ; ) {
            User u = pick(users);
            if (!u.isSameAs(not)) {
                return u;
            }
        }
    }
}
