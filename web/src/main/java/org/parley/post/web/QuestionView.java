package org.parley.post.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.cache.web.Fragments;
import org.parley.post.AnswerView;
import org.parley.post.CommentService;
import org.parley.post.CommentView;
import org.parley.post.QuestionDetail;
import org.parley.post.QuestionPages;
import org.parley.post.QuestionService;
import org.parley.post.ViewTally;
import org.parley.post.VoteResult;
import org.parley.post.VoteService;
import org.parley.post.VoteType;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;
import org.primefaces.PrimeFaces;

/**
 * A question with its answers and comments ({@code /questions/{number}/{slug}}). A wrong slug, or an answer's number,
 * redirects (301) to the canonical URL. Votes, accepts, comments and answers are ajax actions: a vote sends back only
 * the new score, the rest reload the question and re-render what changed. Refusals ("You can't vote on your own post.") come back from the services
 * and are shown as messages by {@link org.parley.web.RuleExceptionHandler}.
 */
@Named
@RequestScoped
public class QuestionView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private QuestionService questions;

    @Inject
    private QuestionPages pages;

    @Inject
    private VoteService votes;

    @Inject
    private CommentService comments;

    @Inject
    private ViewTally views;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    @Inject
    private Fragments fragments;

    private String n;
    private String slug;

    private long number;
    private QuestionDetail detail;
    /** Votes cast on this page since the question was loaded, by post number. */
    private final Map<Long, VoteResult> voted = new HashMap<>();
    /** The comment form's text and the post it is for (see {@link #comment()}). */
    private String commentText;

    private Long commentPost;

    private String answerBody;
    private long viewCount;
    /** The question's cache stamp as it was before {@link #detail} was loaded; part of its fragments' keys. */
    private String fragmentPin;

    public void load() {
        number = Redirects.parseNumber(n);
        try {
            fragmentPin = fragments.pin(number); // before the data it guards, see Fragments.post(long, String)
            detail = pages.view(site.id(), number, viewer.actor());
        } catch (NotFoundException e) {
            // An answer's number: send the reader to the answer inside its question.
            long question = questions.questionNumberOf(site.id(), number);
            if (question == number) {
                throw e;
            }
            Redirects.permanent(links.answer(question, questions.slugOfQuestionContaining(site.id(), number), number));
            return;
        }
        if (!detail.slug().equals(slug)) {
            Redirects.permanent(links.question(number, detail.slug()));
            return;
        }
        views.count(site.id(), number);
        viewCount = views.current(site.id(), number);
    }

    /** The question's views, this one included, read fresh (the detail's count is cached and lags). */
    public long getViewCount() {
        return viewCount;
    }

    private void reload() {
        fragmentPin = fragments.pin(number);
        detail = pages.view(site.id(), number, viewer.actor());
        voted.clear();
    }

    public String getFragmentPin() {
        return fragmentPin;
    }

    /**
     * The page's one vote command ({@code p:remoteCommand parleyVote}): votes post {@code vote-post} the way
     * {@code vote-type} says ({@code UP} or {@code DOWN}), the request parameters parley.js sends from the pressed
     * button, and tells the page the new score and vote (see Parley.voted in parley.js).
     */
    public void vote() {
        Map<String, String> params =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        long post;
        VoteType type;
        try {
            post = Long.parseLong(params.getOrDefault("vote-post", ""));
            type = VoteType.valueOf(params.getOrDefault("vote-type", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("vote", "Choose a post and a vote, up or down.");
        }
        VoteResult result = votes.vote(viewer.actor(), post, type);
        voted.put(post, result);
        PrimeFaces.Ajax ajax = PrimeFaces.current().ajax();
        ajax.addCallbackParam("post", post);
        ajax.addCallbackParam("score", result.score());
        ajax.addCallbackParam(
                "myVote", result.myVote() == null ? "" : result.myVote().name());
    }

    /**
     * The key of post {@code post}'s cached comment list (includes/comments.xhtml): the post's fragment key under this
     * page's pin, whether the viewer is logged in and owns one of the comments (the flag links differ), and how fresh
     * the youngest comment's "5 mins ago" must be ({@link #agoBucket}).
     */
    public String commentsKey(long post, List<CommentView> list) {
        StringBuilder key = new StringBuilder(fragments.post(post, fragmentPin)).append("/comments/");
        Instant youngest = null;
        boolean owns = false;
        // Null while a postback's tree is visited outside the answers' iteration (o:cache asks for its key then too).
        for (CommentView c : list == null ? List.<CommentView>of() : list) {
            if (youngest == null || c.createdAt().isAfter(youngest)) {
                youngest = c.createdAt();
            }
            owns |= viewer.isLoggedIn() && viewer.owns(c.owner());
        }
        key.append(!viewer.isLoggedIn() ? "a" : owns ? "u" + viewer.getUser().number() : "u");
        return key.append('@').append(agoBucket(youngest, Instant.now())).toString();
    }

    /**
     * The key of a cached part of post {@code post} that is the same for every viewer and shows {@code when} as
     * "… ago": its author card ({@code "owner"}: "answered 5 mins ago", name, reputation), a question's closed notice
     * ({@code "closed"}).
     */
    public String fragmentKey(long post, String part, Instant when) {
        return fragments.post(post, fragmentPin) + "/" + part + "@" + agoBucket(when, Instant.now());
    }

    /**
     * How long a fragment showing {@code youngest} as "… ago" may be served: the number of the time slot it is in,
     * one minute while it is less than an hour old, ten minutes while less than a day, an hour after that (the text
     * then changes by days). Cached author cards also show reputation, which is as fresh as that slot.
     */
    static long agoBucket(Instant youngest, Instant now) {
        long seconds = now.getEpochSecond();
        if (youngest == null) {
            return 0;
        }
        long age = seconds - youngest.getEpochSecond();
        long slot = age < 3_600 ? 60 : age < 86_400 ? 600 : 3_600;
        return seconds / slot * slot;
    }

    /** A post's score, counting votes cast on this page. */
    public int score(long post, int loaded) {
        VoteResult result = voted.get(post);
        return result == null ? loaded : result.score();
    }

    /** Whether the viewer's vote on a post is {@code "UP"} or {@code "DOWN"}, counting votes cast on this page. */
    public boolean hasVoted(long post, VoteType loaded, String type) {
        VoteType mine = voted.containsKey(post) ? voted.get(post).myVote() : loaded;
        return mine != null && mine.name().equals(type);
    }

    /** Accepts an answer, or un-accepts the accepted one. */
    public void accept(long answer) {
        questions.accept(viewer.actor(), answer);
        reload();
    }

    /**
     * The page's one comment form: adds {@link #commentText} to post {@link #commentPost} (parley.js moves the form
     * under the post whose "Add a comment" was opened and fills in its number), then re-renders that post's comments
     * and the emptied form.
     */
    public void comment() {
        if (commentPost == null) {
            throw new InvalidInputException("text", "Open “Add a comment” under the post to comment on.");
        }
        long post = commentPost;
        comments.comment(viewer.actor(), post, commentText);
        commentText = null;
        reload();
        PrimeFaces.Ajax ajax = PrimeFaces.current().ajax();
        ajax.update(commentsOf(post));
        ajax.addCallbackParam("commented", post);
    }

    /** The client id of post {@code post}'s comments block on this page (see includes/comments.xhtml). */
    private String commentsOf(long post) {
        if (post != number) {
            List<AnswerView> answers = detail.answers();
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).number() == post) {
                    return "answer-list:" + i + ":comments";
                }
            }
        }
        return "comments";
    }

    /** Locks or unlocks a post of this page (moderators; the service decides) and shows the page again. */
    public void lock(long post, boolean locked) throws IOException {
        questions.lock(viewer.actor(), post, locked);
        Redirects.withNotice(
                (locked ? "Locked" : "Unlocked") + (post == number ? " the question." : " the answer."),
                getCanonicalUrl() + (post == number ? "" : "#answer-" + post));
    }

    public void answer() {
        questions.answer(viewer.actor(), number, answerBody);
        answerBody = null;
        reload();
    }

    /** Whether the viewer asked this question, and so may accept answers. */
    public boolean isAsker() {
        QuestionDetail d = getDetail(); // a postback's new bean loads it here if nothing asked for it yet
        return d != null && viewer.owns(d.owner());
    }

    public String getCanonicalUrl() {
        return links.question(number, detail.slug());
    }

    /**
     * The question. A page view finds it loaded by {@link #load()}. The page is a stateless view with a request-scoped
     * bean (viewing it writes nothing into the session), so a postback (a vote, a comment, an answer) finds a new bean:
     * the question is loaded here, from the request's own number, before the rebuilt page's components need it. No
     * view is counted and no redirect sent for that.
     */
    /** The account numbers of the question's and its answers' authors, for the author cards (AuthorCards). */
    public java.util.List<Long> getAuthorNumbers() {
        QuestionDetail q = getDetail();
        java.util.List<Long> out = new java.util.ArrayList<>();
        if (q == null) {
            return out;
        }
        if (q.owner() != null && q.owner().number() != null) {
            out.add(q.owner().number());
        }
        q.answers().forEach(a -> {
            if (a.owner() != null && a.owner().number() != null) {
                out.add(a.owner().number());
            }
        });
        return out;
    }

    public QuestionDetail getDetail() {
        if (detail == null && number == 0) {
            FacesContext context = FacesContext.getCurrentInstance();
            String requested = context == null || !context.isPostback()
                    ? null
                    : context.getExternalContext().getRequestParameterMap().get("n");
            if (requested != null) {
                number = Redirects.parseNumber(requested);
                reload();
            }
        }
        return detail;
    }

    public String getCommentText() {
        return commentText;
    }

    public void setCommentText(String commentText) {
        this.commentText = commentText;
    }

    public Long getCommentPost() {
        return commentPost;
    }

    public void setCommentPost(Long commentPost) {
        this.commentPost = commentPost;
    }

    public String getAnswerBody() {
        return answerBody;
    }

    public void setAnswerBody(String answerBody) {
        this.answerBody = answerBody;
    }

    public String getN() {
        return n;
    }

    public void setN(String n) {
        this.n = n;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
