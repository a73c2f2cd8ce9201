package org.parley.moderation.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.moderation.Closure;
import org.parley.moderation.ModerationService;
import org.parley.moderation.Outcome;
import org.parley.moderation.VoteKind;
import org.parley.post.AnswerView;
import org.parley.post.QuestionDetail;
import org.parley.post.QuestionPages;
import org.parley.post.QuestionService;
import org.parley.rules.NotFoundException;
import org.parley.site.Privilege;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * What a question page shows and does about closing and deleting ({@code #{moderation}}): the closed banner, the votes
 * gathering on each post, and the reopen, delete and undelete buttons. The service decides who may; a refusal comes
 * back as the page's message ({@link org.parley.web.RuleExceptionHandler}).
 */
@Named("moderation")
@RequestScoped
public class ModerationActions {

    @Inject
    private ModerationService moderation;

    @Inject
    private QuestionService questions;

    @Inject
    private QuestionPages pages;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private final Map<Long, Closure> closures = new HashMap<>();
    private Map<Long, ModerationService.Tally> tallies;

    /** Why question {@code number} is closed and by whom; null when it is open. */
    public Closure closure(long number) {
        return closures.computeIfAbsent(number, n -> moderation.closure(site.id(), n));
    }

    /** The close, reopen, delete and undelete votes gathering on the question's posts (read once per request). */
    public ModerationService.Tally tally(QuestionDetail question, long post) {
        if (tallies == null) {
            List<Long> numbers = new ArrayList<>();
            numbers.add(question.number());
            question.answers().stream().map(AnswerView::number).forEach(numbers::add);
            tallies = viewer.isLoggedIn() ? moderation.tallies(site.id(), numbers, viewer.actor()) : Map.of();
        }
        return tallies.getOrDefault(post, new ModerationService.Tally(Map.of(), java.util.Set.of()));
    }

    /** A button's label with the votes gathering for it: "Close (2)", or "Close" when there are none. */
    public String label(String label, QuestionDetail question, long post, VoteKind kind) {
        int votes = tally(question, post).count(kind);
        return votes == 0 ? label : label + " (" + votes + ")";
    }

    public int getCloseVotesNeeded() {
        return ModerationService.CLOSE_VOTES;
    }

    /** Whether the viewer may cast close and reopen votes (moderators included). */
    public boolean mayClose() {
        return viewer.isLoggedIn() && viewer.has(Privilege.CLOSE_REOPEN);
    }

    /** Whether the viewer may vote to delete or undelete others' posts (moderators included). */
    public boolean mayVoteToDelete() {
        return viewer.isLoggedIn() && viewer.has(Privilege.DELETE_VOTES);
    }

    public void reopen(long question) throws IOException {
        Outcome outcome = moderation.voteToReopen(viewer.actor(), question);
        Redirects.withNotice(
                outcome.done()
                        ? "Reopened: the question takes answers again."
                        : "Your vote to reopen counts: " + outcome.votes() + " of " + outcome.needed() + ".",
                links.question(question, questions.slugOfQuestionContaining(site.id(), question)));
    }

    public void delete(long post) throws IOException {
        Outcome outcome = moderation.delete(viewer.actor(), post);
        notice(post, outcome, "Deleted", "delete", VoteKind.DELETE);
    }

    public void undelete(long post) throws IOException {
        Outcome outcome = moderation.undelete(viewer.actor(), post);
        notice(post, outcome, "Undeleted", "undelete", VoteKind.UNDELETE);
    }

    private void notice(long post, Outcome outcome, String done, String verb, VoteKind kind) throws IOException {
        long question = questions.questionNumberOf(site.id(), post);
        boolean isQuestion = question == post;
        String what = isQuestion ? "the question" : "the answer";
        String text = outcome.done()
                ? done + " " + what + "."
                : "Your vote to " + verb + " " + what + " counts: " + outcome.votes() + " of " + outcome.needed() + ".";
        String url = links.question(question, questions.slugOfQuestionContaining(site.id(), post));
        // A question deleted by someone who may not see deleted posts would answer 404: send them to the list.
        boolean gone = false;
        if (kind == VoteKind.DELETE && outcome.done() && isQuestion) {
            try {
                pages.view(site.id(), question, viewer.actor());
            } catch (NotFoundException e) {
                gone = true;
            }
        }
        if (gone) {
            url = links.questions();
        }
        Redirects.withNotice(text, url + (isQuestion || gone ? "" : "#answer-" + post));
    }
}
