package org.parley.moderation.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.parley.moderation.CloseReason;
import org.parley.moderation.ModerationService;
import org.parley.moderation.Outcome;
import org.parley.moderation.VoteKind;
import org.parley.post.QuestionDetail;
import org.parley.post.QuestionPages;
import org.parley.rules.NotAllowedException;
import org.parley.search.RelatedQuestion;
import org.parley.search.SimilarQuestions;
import org.parley.site.Privilege;
import org.parley.site.SiteService;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * Voting to close a question ({@code /posts/{number}/close}): a reason, and for a duplicate the original question,
 * given by its link or number or picked from the questions most like this one (a search as the field is typed, and
 * the closest by title to start with). Users without the privilege get the 403 page saying what it takes; a vote
 * that closes the question, or counts towards it, goes back to the question with a notice.
 */
@Named
@ViewScoped
public class CloseView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The off-topic choice that gives a reason in the voter's own words. */
    static final String OTHER = "other";

    @Inject
    private ModerationService moderation;

    @Inject
    private QuestionPages pages;

    @Inject
    private SimilarQuestions similar;

    @Inject
    private SiteService sites;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String n;
    private QuestionDetail question;
    private List<RelatedQuestion> candidates = List.of();
    private int votes;
    private String reason;
    private String duplicate;
    private List<String> offTopicReasons = List.of();
    private String offTopic;
    private String note;

    public void load() throws IOException {
        long number = Redirects.parseNumber(n);
        question = pages.view(site.id(), number, viewer.actor());
        if (!viewer.isLoggedIn()) {
            throw new NotAllowedException("Log in to vote to close questions.");
        }
        if (!viewer.has(Privilege.CLOSE_REOPEN)) {
            site.getInfo()
                    .privileges()
                    .require(
                            Privilege.CLOSE_REOPEN,
                            viewer.getUser().reputation(),
                            viewer.actor().role());
        }
        if (question.closedAt() != null) {
            Redirects.withNotice("This question is closed already.", getQuestionUrl());
            return;
        }
        ModerationService.Tally tally =
                moderation.tallies(site.id(), List.of(number), viewer.actor()).get(number);
        votes = tally == null ? 0 : tally.count(VoteKind.CLOSE);
        offTopicReasons = sites.offTopicReasons(site.id());
        candidates = similar.similar(site.getInfo(), question.title()).stream()
                .filter(q -> q.number() != number)
                .toList();
    }

    public void submit() throws IOException {
        CloseReason chosen = reason == null || reason.isBlank() ? null : CloseReason.valueOf(reason);
        String siteReason = OTHER.equals(offTopic) ? null : offTopic;
        Outcome outcome =
                moderation.voteToClose(viewer.actor(), question.number(), chosen, duplicate, siteReason, note);
        Redirects.withNotice(
                outcome.done()
                        ? "Closed as " + chosen.label().toLowerCase(java.util.Locale.ROOT) + "."
                        : "Your vote to close counts: " + outcome.votes() + " of " + outcome.needed() + ".",
                getQuestionUrl());
    }

    public CloseReason[] getReasons() {
        return CloseReason.values();
    }

    public String getQuestionUrl() {
        return links.question(question.number(), question.slug());
    }

    public QuestionDetail getQuestion() {
        return question;
    }

    public List<RelatedQuestion> getCandidates() {
        return candidates;
    }

    public int getVotes() {
        return votes;
    }

    public int getVotesNeeded() {
        return ModerationService.CLOSE_VOTES;
    }

    public String getN() {
        return n;
    }

    public void setN(String n) {
        this.n = n;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDuplicate() {
        return duplicate;
    }

    public void setDuplicate(String duplicate) {
        this.duplicate = duplicate;
    }

    /** The site's off-topic reasons, offered as choices beside "other". */
    public List<String> getOffTopicReasons() {
        return offTopicReasons;
    }

    public String getOther() {
        return OTHER;
    }

    public String getOffTopic() {
        return offTopic;
    }

    public void setOffTopic(String offTopic) {
        this.offTopic = offTopic;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
