package org.parley.badge;

import java.util.Arrays;
import java.util.Optional;

/**
 * The badges Parley awards, with Stack Overflow's names, classes and meanings. The number is the badge's id in
 * {@code /badges/{id}}: never reuse or renumber one. Tag badges are not listed: they are named after their tag (see
 * {@link TagBadge}).
 */
public enum BadgeType {
    // bronze
    STUDENT(1, "Student", 3, "Asked a question with a score of 1 or more."),
    TEACHER(2, "Teacher", 3, "Answered a question with a score of 1 or more."),
    EDITOR(3, "Editor", 3, "First edit of a post."),
    SUPPORTER(4, "Supporter", 3, "First up vote."),
    CRITIC(5, "Critic", 3, "First down vote."),
    COMMENTATOR(6, "Commentator", 3, "Left 10 comments."),
    AUTOBIOGRAPHER(7, "Autobiographer", 3, "Filled in the \u201cAbout me\u201d of their profile."),
    SCHOLAR(8, "Scholar", 3, "Asked a question and accepted an answer."),
    POPULAR_QUESTION(9, "Popular Question", 3, "Asked a question with 1,000 views."),
    NICE_QUESTION(10, "Nice Question", 3, "Asked a question with a score of 10 or more."),
    NICE_ANSWER(11, "Nice Answer", 3, "Answered with a score of 10 or more."),
    ENLIGHTENED(
            12,
            "Enlightened",
            3,
            "First to answer a question, and the answer was accepted with a score of 10 or more."),
    SELF_LEARNER(13, "Self-Learner", 3, "Answered their own question with a score of 3 or more."),
    TUMBLEWEED(
            14,
            "Tumbleweed",
            3,
            "Asked a question that had a score of 0, no answers, no comments and fewer than 50 views for a week."),
    CUSTODIAN(15, "Custodian", 3, "Completed a first review task."),
    // silver
    GOOD_QUESTION(16, "Good Question", 2, "Asked a question with a score of 25 or more."),
    GOOD_ANSWER(17, "Good Answer", 2, "Answered with a score of 25 or more."),
    NOTABLE_QUESTION(18, "Notable Question", 2, "Asked a question with 2,500 views."),
    GURU(19, "Guru", 2, "Answered, and the answer was accepted with a score of 40 or more."),
    NECROMANCER(
            20,
            "Necromancer",
            2,
            "Answered a question more than 60 days after it was asked, with a score of 5 or more."),
    YEARLING(21, "Yearling", 2, "A member for a year, with at least 200 reputation."),
    ENTHUSIAST(22, "Enthusiast", 2, "Visited the site on 30 days in a row (days in UTC)."),
    // gold
    GREAT_QUESTION(23, "Great Question", 1, "Asked a question with a score of 100 or more."),
    GREAT_ANSWER(24, "Great Answer", 1, "Answered with a score of 100 or more."),
    FAMOUS_QUESTION(25, "Famous Question", 1, "Asked a question with 10,000 views."),
    FANATIC(26, "Fanatic", 1, "Visited the site on 100 days in a row (days in UTC).");

    private final int id;
    private final String title;
    private final int badgeClass;
    private final String description;

    BadgeType(int id, String title, int badgeClass, String description) {
        this.id = id;
        this.title = title;
        this.badgeClass = badgeClass;
        this.description = description;
    }

    /** The number in the badge's address, {@code /badges/{id}}. */
    public int id() {
        return id;
    }

    /** The name, as Stack Overflow spells it and as dumps and Badges.xml carry it. */
    public String title() {
        return title;
    }

    /** 1 gold, 2 silver, 3 bronze, as in Badges.xml. */
    public int badgeClass() {
        return badgeClass;
    }

    /** How to earn it, one sentence. */
    public String description() {
        return description;
    }

    /** gold, silver or bronze. */
    public String className() {
        return className(badgeClass);
    }

    /** gold (1), silver (2) or bronze (3). */
    public static String className(int badgeClass) {
        return switch (badgeClass) {
            case 1 -> "gold";
            case 2 -> "silver";
            default -> "bronze";
        };
    }

    /** The badge with address number {@code id}. */
    public static Optional<BadgeType> byId(int id) {
        return Arrays.stream(values()).filter(t -> t.id == id).findFirst();
    }

    /** The badge named {@code name} with class {@code badgeClass} (a dump's badge of that name is the same badge). */
    public static Optional<BadgeType> byName(String name, int badgeClass) {
        return Arrays.stream(values())
                .filter(t -> t.title.equals(name) && t.badgeClass == badgeClass)
                .findFirst();
    }
}
