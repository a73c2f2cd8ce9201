package org.parley.flag.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.parley.flag.FlagKind;
import org.parley.flag.FlagService;
import org.parley.flag.FlagTarget;
import org.parley.post.AnswerView;
import org.parley.post.CommentView;
import org.parley.post.QuestionDetail;
import org.parley.post.QuestionPages;
import org.parley.post.QuestionService;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.search.PostText;
import org.parley.site.Privilege;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * Flagging a post ({@code /posts/{number}/flag}) or one of its comments ({@code ?comment=ID}): the kinds the target
 * takes, with what each means, and a text for the moderators. The service decides who may; users without "Flag posts"
 * get the 403 page saying what it takes.
 */
@Named
@ViewScoped
public class FlagView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FlagService flags;

    @Inject
    private QuestionPages pages;

    @Inject
    private QuestionService questions;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String n;
    private String comment;
    private long number;
    private Long commentId;
    private QuestionDetail question;
    private FlagTarget target;
    /** What is flagged, as the page quotes it: the comment's text, or the answer's or question's start. */
    private String quoted;

    private String kind;
    private String text;

    public void load() {
        if (!viewer.isLoggedIn()) {
            throw new NotAllowedException("Log in to flag posts.");
        }
        number = Redirects.parseNumber(n);
        commentId = comment == null || comment.isBlank() ? null : Redirects.parseNumber(comment);
        long questionNumber = questions.questionNumberOf(site.id(), number);
        question = pages.view(site.id(), questionNumber, viewer.actor());
        if (!viewer.has(Privilege.FLAG_POSTS)) {
            site.getInfo()
                    .privileges()
                    .require(
                            Privilege.FLAG_POSTS,
                            viewer.getUser().reputation(),
                            viewer.actor().role());
        }
        List<CommentView> onPost;
        if (questionNumber == number) {
            target = FlagTarget.QUESTION;
            quoted = excerpt(question.bodyHtml());
            onPost = question.comments();
        } else {
            AnswerView answer = question.answers().stream()
                    .filter(a -> a.number() == number)
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("No such answer."));
            target = FlagTarget.ANSWER;
            quoted = excerpt(answer.bodyHtml());
            onPost = answer.comments();
        }
        if (commentId != null) {
            CommentView c = onPost.stream()
                    .filter(x -> x.id() == commentId)
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("No such comment."));
            target = FlagTarget.COMMENT;
            quoted = c.text();
        }
    }

    public void submit() throws IOException {
        FlagKind chosen = kind == null || kind.isBlank() ? null : FlagKind.valueOf(kind);
        String notice;
        if (commentId != null) {
            flags.flagComment(viewer.actor(), commentId, chosen, text);
            notice = "Thanks: a moderator will look at the comment.";
        } else {
            boolean hidden = flags.flagPost(viewer.actor(), number, chosen, text);
            notice = hidden
                    ? "Thanks: with yours, enough flags hid the post."
                    : "Thanks: a moderator will look at the "
                            + (target == FlagTarget.QUESTION ? "question." : "answer.");
        }
        String url = links.question(question.number(), question.slug());
        if (target != FlagTarget.QUESTION || commentId != null) {
            url = links.answer(question.number(), question.slug(), number);
        }
        Redirects.withNotice(notice, url);
    }

    /** The kinds this target takes. */
    public List<FlagKind> getKinds() {
        return Arrays.stream(FlagKind.values()).filter(k -> k.fits(target)).toList();
    }

    public String getTargetName() {
        return switch (target) {
            case QUESTION -> "question";
            case ANSWER -> "answer";
            case COMMENT -> "comment";
        };
    }

    public String getQuestionUrl() {
        return links.question(question.number(), question.slug());
    }

    public QuestionDetail getQuestion() {
        return question;
    }

    public String getQuoted() {
        return quoted;
    }

    public int getMaxText() {
        return FlagKind.MAX_TEXT;
    }

    public String getN() {
        return n;
    }

    public void setN(String n) {
        this.n = n;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    /** The start of a post as plain text, for the quote above the form. */
    private static String excerpt(String html) {
        String text = PostText.of(html).text().replaceAll("\\s+", " ").strip();
        return text.length() <= 280 ? text : text.substring(0, 279).stripTrailing() + "\u2026";
    }
}
