package org.parley.award;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.badge.BadgeType;

/** Each badge's threshold: one below it earns nothing, the threshold earns it. */
class BadgeRulesTest {

    /** A copy of {@link BadgeStats#NOTHING} with some figures changed. */
    private static final class S {
        int qScore = Integer.MIN_VALUE, aScore = Integer.MIN_VALUE, firstAccepted = Integer.MIN_VALUE;
        int accepted = Integer.MIN_VALUE, self = Integer.MIN_VALUE, late = Integer.MIN_VALUE, rep = 1, visits;
        long views, edits, up, down, comments, scholar, tumbleweeds, reviews, days;
        boolean about;
        List<BadgeStats.TagAnswers> tags = List.of();

        BadgeStats build() {
            return new BadgeStats(
                    qScore,
                    aScore,
                    views,
                    edits,
                    up,
                    down,
                    comments,
                    about,
                    scholar,
                    firstAccepted,
                    accepted,
                    self,
                    late,
                    tumbleweeds,
                    reviews,
                    days,
                    rep,
                    visits,
                    tags);
        }
    }

    private static Set<String> earned(UnaryOperator<S> change) {
        return BadgeRules.earned(change.apply(new S()).build()).stream()
                .map(e -> e.name() + "/" + e.badgeClass() + (e.tagBased() ? "/tag" : ""))
                .collect(Collectors.toSet());
    }

    @Test
    void aNewUserEarnsNothing() {
        assertEquals(Set.of(), earned(s -> s));
        assertEquals(List.of(), BadgeRules.earned(BadgeStats.NOTHING));
    }

    @Test
    void questionScoresEarnStudentNiceGoodAndGreatQuestion() {
        assertEquals(Set.of(), earned(s -> {
            s.qScore = 0;
            return s;
        }));
        assertEquals(Set.of("Student/3"), earned(s -> {
            s.qScore = 1;
            return s;
        }));
        assertEquals(Set.of("Student/3"), earned(s -> {
            s.qScore = 9;
            return s;
        }));
        assertEquals(Set.of("Student/3", "Nice Question/3"), earned(s -> {
            s.qScore = 10;
            return s;
        }));
        assertEquals(Set.of("Student/3", "Nice Question/3"), earned(s -> {
            s.qScore = 24;
            return s;
        }));
        assertEquals(Set.of("Student/3", "Nice Question/3", "Good Question/2"), earned(s -> {
            s.qScore = 25;
            return s;
        }));
        assertEquals(Set.of("Student/3", "Nice Question/3", "Good Question/2"), earned(s -> {
            s.qScore = 99;
            return s;
        }));
        assertEquals(Set.of("Student/3", "Nice Question/3", "Good Question/2", "Great Question/1"), earned(s -> {
            s.qScore = 100;
            return s;
        }));
    }

    @Test
    void answerScoresEarnTeacherNiceGoodAndGreatAnswer() {
        assertEquals(Set.of(), earned(s -> {
            s.aScore = 0;
            return s;
        }));
        assertEquals(Set.of("Teacher/3"), earned(s -> {
            s.aScore = 1;
            return s;
        }));
        assertEquals(Set.of("Teacher/3"), earned(s -> {
            s.aScore = 9;
            return s;
        }));
        assertEquals(Set.of("Teacher/3", "Nice Answer/3"), earned(s -> {
            s.aScore = 10;
            return s;
        }));
        assertEquals(Set.of("Teacher/3", "Nice Answer/3"), earned(s -> {
            s.aScore = 24;
            return s;
        }));
        assertEquals(Set.of("Teacher/3", "Nice Answer/3", "Good Answer/2"), earned(s -> {
            s.aScore = 25;
            return s;
        }));
        assertEquals(Set.of("Teacher/3", "Nice Answer/3", "Good Answer/2"), earned(s -> {
            s.aScore = 99;
            return s;
        }));
        assertEquals(Set.of("Teacher/3", "Nice Answer/3", "Good Answer/2", "Great Answer/1"), earned(s -> {
            s.aScore = 100;
            return s;
        }));
    }

    @Test
    void viewsEarnPopularNotableAndFamousQuestion() {
        assertEquals(Set.of(), earned(s -> {
            s.views = 999;
            return s;
        }));
        assertEquals(Set.of("Popular Question/3"), earned(s -> {
            s.views = 1_000;
            return s;
        }));
        assertEquals(Set.of("Popular Question/3"), earned(s -> {
            s.views = 2_499;
            return s;
        }));
        assertEquals(Set.of("Popular Question/3", "Notable Question/2"), earned(s -> {
            s.views = 2_500;
            return s;
        }));
        assertEquals(Set.of("Popular Question/3", "Notable Question/2"), earned(s -> {
            s.views = 9_999;
            return s;
        }));
        assertEquals(Set.of("Popular Question/3", "Notable Question/2", "Famous Question/1"), earned(s -> {
            s.views = 10_000;
            return s;
        }));
        assertTrue(BadgeRules.passesViewMilestone(999, 1_000));
        assertTrue(BadgeRules.passesViewMilestone(990, 1_010));
        assertFalse(BadgeRules.passesViewMilestone(1_000, 1_001));
        assertFalse(BadgeRules.passesViewMilestone(10, 999));
        assertTrue(BadgeRules.passesViewMilestone(2_400, 2_500));
        assertTrue(BadgeRules.passesViewMilestone(9_999, 10_000));
    }

    @Test
    void firstActionsEarnEditorSupporterCriticCustodianScholarAndAutobiographer() {
        assertEquals(Set.of("Editor/3"), earned(s -> {
            s.edits = 1;
            return s;
        }));
        assertEquals(Set.of("Supporter/3"), earned(s -> {
            s.up = 1;
            return s;
        }));
        assertEquals(Set.of("Critic/3"), earned(s -> {
            s.down = 1;
            return s;
        }));
        assertEquals(Set.of("Custodian/3"), earned(s -> {
            s.reviews = 1;
            return s;
        }));
        assertEquals(Set.of("Scholar/3"), earned(s -> {
            s.scholar = 1;
            return s;
        }));
        assertEquals(Set.of("Autobiographer/3"), earned(s -> {
            s.about = true;
            return s;
        }));
        assertEquals(Set.of("Tumbleweed/3"), earned(s -> {
            s.tumbleweeds = 1;
            return s;
        }));
    }

    @Test
    void tenCommentsEarnCommentator() {
        assertEquals(Set.of(), earned(s -> {
            s.comments = 9;
            return s;
        }));
        assertEquals(Set.of("Commentator/3"), earned(s -> {
            s.comments = 10;
            return s;
        }));
    }

    @Test
    void acceptedFirstLateAndOwnAnswersEarnEnlightenedGuruNecromancerAndSelfLearner() {
        assertEquals(Set.of(), earned(s -> {
            s.firstAccepted = 9;
            return s;
        }));
        assertEquals(Set.of("Enlightened/3"), earned(s -> {
            s.firstAccepted = 10;
            return s;
        }));
        assertEquals(Set.of(), earned(s -> {
            s.accepted = 39;
            return s;
        }));
        assertEquals(Set.of("Guru/2"), earned(s -> {
            s.accepted = 40;
            return s;
        }));
        assertEquals(Set.of(), earned(s -> {
            s.late = 4;
            return s;
        }));
        assertEquals(Set.of("Necromancer/2"), earned(s -> {
            s.late = 5;
            return s;
        }));
        assertEquals(Set.of(), earned(s -> {
            s.self = 2;
            return s;
        }));
        assertEquals(Set.of("Self-Learner/3"), earned(s -> {
            s.self = 3;
            return s;
        }));
    }

    @Test
    void aYearWith200ReputationEarnsYearling() {
        assertEquals(Set.of(), earned(s -> {
            s.days = 364;
            s.rep = 200;
            return s;
        }));
        assertEquals(Set.of(), earned(s -> {
            s.days = 365;
            s.rep = 199;
            return s;
        }));
        assertEquals(Set.of("Yearling/2"), earned(s -> {
            s.days = 365;
            s.rep = 200;
            return s;
        }));
    }

    @Test
    void consecutiveVisitDaysEarnEnthusiastAndFanatic() {
        assertEquals(Set.of(), earned(s -> {
            s.visits = 29;
            return s;
        }));
        assertEquals(Set.of("Enthusiast/2"), earned(s -> {
            s.visits = 30;
            return s;
        }));
        assertEquals(Set.of("Enthusiast/2"), earned(s -> {
            s.visits = 99;
            return s;
        }));
        assertEquals(Set.of("Enthusiast/2", "Fanatic/1"), earned(s -> {
            s.visits = 100;
            return s;
        }));
    }

    @Test
    void tagBadgesNeedBothTheScoreAndTheAnswers() {
        assertEquals(Set.of(), earned(s -> tag(s, 99, 20)));
        assertEquals(Set.of(), earned(s -> tag(s, 100, 19)));
        assertEquals(Set.of("java/3/tag"), earned(s -> tag(s, 100, 20)));
        assertEquals(Set.of("java/3/tag"), earned(s -> tag(s, 399, 80)));
        assertEquals(Set.of("java/3/tag"), earned(s -> tag(s, 400, 79)));
        assertEquals(Set.of("java/3/tag", "java/2/tag"), earned(s -> tag(s, 400, 80)));
        assertEquals(Set.of("java/3/tag", "java/2/tag"), earned(s -> tag(s, 999, 200)));
        assertEquals(Set.of("java/3/tag", "java/2/tag"), earned(s -> tag(s, 1000, 199)));
        assertEquals(Set.of("java/3/tag", "java/2/tag", "java/1/tag"), earned(s -> tag(s, 1000, 200)));
    }

    @Test
    void everyBadgeHasAUniqueIdAndNameAndAClass() {
        assertEquals(
                BadgeType.values().length,
                java.util.Arrays.stream(BadgeType.values())
                        .map(BadgeType::id)
                        .distinct()
                        .count());
        assertEquals(
                BadgeType.values().length,
                java.util.Arrays.stream(BadgeType.values())
                        .map(BadgeType::title)
                        .distinct()
                        .count());
        assertEquals(
                15,
                java.util.Arrays.stream(BadgeType.values())
                        .filter(t -> t.badgeClass() == 3)
                        .count());
        assertEquals(
                7,
                java.util.Arrays.stream(BadgeType.values())
                        .filter(t -> t.badgeClass() == 2)
                        .count());
        assertEquals(
                4,
                java.util.Arrays.stream(BadgeType.values())
                        .filter(t -> t.badgeClass() == 1)
                        .count());
    }

    private static S tag(S s, long score, long answers) {
        s.tags = List.of(new BadgeStats.TagAnswers("java", score, answers));
        return s;
    }
}
