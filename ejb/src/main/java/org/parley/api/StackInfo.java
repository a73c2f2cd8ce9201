package org.parley.api;

/**
 * A site's figures for {@code /info}. The per-minute rates are over the 24 hours before the call.
 *
 * @param totalUnanswered questions without an accepted or positively scored answer, as {@code /questions/unanswered}
 * @param newActiveUsers users who signed up in the last 24 hours
 */
public record StackInfo(
        long totalQuestions,
        long totalUnanswered,
        long totalAccepted,
        long totalAnswers,
        long totalComments,
        long totalVotes,
        long totalBadges,
        long totalUsers,
        double questionsPerMinute,
        double answersPerMinute,
        double badgesPerMinute,
        long newActiveUsers) {}
