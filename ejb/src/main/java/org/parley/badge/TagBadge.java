package org.parley.badge;

import java.util.Optional;

/**
 * The tag badges, as on Stack Overflow: a user's answers to questions in a tag earn its bronze badge at a total score
 * of 100 over 20 answers, silver at 400 over 80, gold at 1,000 over 200. The badge is named after the tag; the gold
 * one lets its holder close (and reopen) questions in the tag as duplicates with one vote.
 */
public enum TagBadge {
    BRONZE(3, 100, 20),
    SILVER(2, 400, 80),
    GOLD(1, 1000, 200);

    private final int badgeClass;
    private final long score;
    private final long answers;

    TagBadge(int badgeClass, long score, long answers) {
        this.badgeClass = badgeClass;
        this.score = score;
        this.answers = answers;
    }

    public int badgeClass() {
        return badgeClass;
    }

    /** The total score of the user's answers in the tag that it takes. */
    public long score() {
        return score;
    }

    /** The number of answers in the tag that it takes. */
    public long answers() {
        return answers;
    }

    /** Whether a total answer score {@code score} over {@code answers} answers in a tag earns this badge. */
    public boolean earnedBy(long score, long answers) {
        return score >= this.score && answers >= this.answers;
    }

    /** The tag badge of class {@code badgeClass}. */
    public static Optional<TagBadge> ofClass(int badgeClass) {
        for (TagBadge t : values()) {
            if (t.badgeClass == badgeClass) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** How to earn the badge of class {@code badgeClass} in tag {@code tag}, one sentence. */
    public static String description(String tag, int badgeClass) {
        return ofClass(badgeClass)
                .map(t -> String.format(
                        "Earned at least %,d total score for at least %,d answers in the tag %s.%s",
                        t.score,
                        t.answers,
                        tag,
                        t == GOLD ? " Closes questions in the tag as duplicates with one vote." : ""))
                .orElse("");
    }
}
