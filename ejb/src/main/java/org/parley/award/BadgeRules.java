package org.parley.award;

import java.util.ArrayList;
import java.util.List;
import org.parley.badge.BadgeType;
import org.parley.badge.TagBadge;

/**
 * Which badges a user's figures earn, with Stack Overflow's thresholds. Pure: {@link BadgeAwardService} reads the
 * figures and awards what is not held yet.
 */
public final class BadgeRules {

    public static final int STUDENT_SCORE = 1;
    public static final int TEACHER_SCORE = 1;
    public static final int NICE_SCORE = 10;
    public static final int GOOD_SCORE = 25;
    public static final int GREAT_SCORE = 100;
    public static final long POPULAR_VIEWS = 1_000;
    public static final long NOTABLE_VIEWS = 2_500;
    public static final long FAMOUS_VIEWS = 10_000;
    public static final long COMMENTATOR_COMMENTS = 10;
    public static final int ENLIGHTENED_SCORE = 10;
    public static final int SELF_LEARNER_SCORE = 3;
    public static final int GURU_SCORE = 40;
    public static final int NECROMANCER_SCORE = 5;
    public static final int NECROMANCER_DAYS = 60;
    public static final long YEARLING_DAYS = 365;
    public static final int YEARLING_REPUTATION = 200;
    public static final int ENTHUSIAST_DAYS = 30;
    public static final int FANATIC_DAYS = 100;

    /** Tumbleweed: fewer views than this after a week, with score 0, no answers and no comments. */
    public static final long TUMBLEWEED_VIEWS = 50;

    public static final int TUMBLEWEED_DAYS = 7;

    /** The view counts at which a question's asker may earn a badge. */
    public static final List<Long> VIEW_MILESTONES = List.of(POPULAR_VIEWS, NOTABLE_VIEWS, FAMOUS_VIEWS);

    private BadgeRules() {}

    /** A badge earned: its name, class and whether it is a tag badge. */
    public record Earned(String name, int badgeClass, boolean tagBased) {
        static Earned of(BadgeType type) {
            return new Earned(type.title(), type.badgeClass(), false);
        }
    }

    /** Every badge {@code s} earns, named badges first (in {@link BadgeType}'s order), then tag badges by tag. */
    public static List<Earned> earned(BadgeStats s) {
        List<Earned> out = new ArrayList<>();
        for (BadgeType type : BadgeType.values()) {
            if (earns(type, s)) {
                out.add(Earned.of(type));
            }
        }
        for (BadgeStats.TagAnswers t : s.tags()) {
            for (TagBadge badge : TagBadge.values()) {
                if (badge.earnedBy(t.score(), t.answers())) {
                    out.add(new Earned(t.tag(), badge.badgeClass(), true));
                }
            }
        }
        return out;
    }

    /** Whether figures {@code s} earn badge {@code type}. */
    public static boolean earns(BadgeType type, BadgeStats s) {
        return switch (type) {
            case STUDENT -> s.maxQuestionScore() >= STUDENT_SCORE;
            case TEACHER -> s.maxAnswerScore() >= TEACHER_SCORE;
            case EDITOR -> s.edits() >= 1;
            case SUPPORTER -> s.upVotes() >= 1;
            case CRITIC -> s.downVotes() >= 1;
            case COMMENTATOR -> s.comments() >= COMMENTATOR_COMMENTS;
            case AUTOBIOGRAPHER -> s.aboutMeFilled();
            case SCHOLAR -> s.questionsWithAcceptedAnswer() >= 1;
            case POPULAR_QUESTION -> s.maxQuestionViews() >= POPULAR_VIEWS;
            case NICE_QUESTION -> s.maxQuestionScore() >= NICE_SCORE;
            case NICE_ANSWER -> s.maxAnswerScore() >= NICE_SCORE;
            case ENLIGHTENED -> s.maxFirstAcceptedAnswerScore() >= ENLIGHTENED_SCORE;
            case SELF_LEARNER -> s.maxSelfAnswerScore() >= SELF_LEARNER_SCORE;
            case TUMBLEWEED -> s.tumbleweeds() >= 1;
            case CUSTODIAN -> s.reviews() >= 1;
            case GOOD_QUESTION -> s.maxQuestionScore() >= GOOD_SCORE;
            case GOOD_ANSWER -> s.maxAnswerScore() >= GOOD_SCORE;
            case NOTABLE_QUESTION -> s.maxQuestionViews() >= NOTABLE_VIEWS;
            case GURU -> s.maxAcceptedAnswerScore() >= GURU_SCORE;
            case NECROMANCER -> s.maxLateAnswerScore() >= NECROMANCER_SCORE;
            case YEARLING -> s.daysAsMember() >= YEARLING_DAYS && s.reputation() >= YEARLING_REPUTATION;
            case ENTHUSIAST -> s.consecutiveVisitDays() >= ENTHUSIAST_DAYS;
            case GREAT_QUESTION -> s.maxQuestionScore() >= GREAT_SCORE;
            case GREAT_ANSWER -> s.maxAnswerScore() >= GREAT_SCORE;
            case FAMOUS_QUESTION -> s.maxQuestionViews() >= FAMOUS_VIEWS;
            case FANATIC -> s.consecutiveVisitDays() >= FANATIC_DAYS;
        };
    }

    /** Whether going from {@code before} to {@code after} views passes a view milestone. */
    public static boolean passesViewMilestone(long before, long after) {
        return VIEW_MILESTONES.stream().anyMatch(m -> before < m && after >= m);
    }
}
