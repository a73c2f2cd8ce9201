package org.parley.award;

import java.util.List;

/**
 * What the badge rules look at for one user on one site, read by {@link BadgeAwardService}. Scores and views are the
 * best of the user's live posts ({@code Integer.MIN_VALUE} / 0 without any).
 *
 * @param maxQuestionScore the best score of a question they asked
 * @param maxAnswerScore the best score of an answer they wrote
 * @param maxQuestionViews the most views of a question they asked
 * @param edits edits of posts they made
 * @param upVotes up votes they cast
 * @param downVotes down votes they cast
 * @param comments comments they left
 * @param aboutMeFilled whether their profile's "About me" is filled in
 * @param questionsWithAcceptedAnswer their questions with an accepted answer
 * @param maxFirstAcceptedAnswerScore the best score of an accepted answer of theirs that was its question's first
 * @param maxAcceptedAnswerScore the best score of an accepted answer of theirs
 * @param maxSelfAnswerScore the best score of an answer of theirs to their own question
 * @param maxLateAnswerScore the best score of an answer of theirs written more than 60 days after its question
 * @param tumbleweeds their questions left at score 0 without answers and comments and with few views for a week
 * @param reviews review tasks they completed
 * @param daysAsMember whole days since they joined
 * @param reputation their reputation on the site
 * @param consecutiveVisitDays the run of consecutive days they visited, ending today or yesterday
 * @param tags their answers per tag
 */
public record BadgeStats(
        int maxQuestionScore,
        int maxAnswerScore,
        long maxQuestionViews,
        long edits,
        long upVotes,
        long downVotes,
        long comments,
        boolean aboutMeFilled,
        long questionsWithAcceptedAnswer,
        int maxFirstAcceptedAnswerScore,
        int maxAcceptedAnswerScore,
        int maxSelfAnswerScore,
        int maxLateAnswerScore,
        long tumbleweeds,
        long reviews,
        long daysAsMember,
        int reputation,
        int consecutiveVisitDays,
        List<TagAnswers> tags) {

    /** No posts, votes or anything: a new user's figures. */
    public static final BadgeStats NOTHING = new BadgeStats(
            Integer.MIN_VALUE,
            Integer.MIN_VALUE,
            0,
            0,
            0,
            0,
            0,
            false,
            0,
            Integer.MIN_VALUE,
            Integer.MIN_VALUE,
            Integer.MIN_VALUE,
            Integer.MIN_VALUE,
            0,
            0,
            0,
            1,
            0,
            List.of());

    public BadgeStats {
        tags = List.copyOf(tags);
    }

    /** A user's answers to questions in one tag: how many, and their total score. */
    public record TagAnswers(String tag, long score, long answers) {}
}
