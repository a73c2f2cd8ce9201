package org.parley.post.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.parley.common.Page;
import org.parley.common.Role;
import org.parley.post.AnswerSummary;
import org.parley.post.QuestionSummary;
import org.parley.post.UserPostService;
import org.parley.post.UserProfile;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;
import org.parley.user.UserRef;
import org.parley.user.UserService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/**
 * A user's profile ({@code /users/{number}/{slug}}): name, reputation, about text, and their questions or answers
 * ({@code ?tab=answers}), a page at a time. A wrong or missing slug redirects to the canonical URL.
 */
@Named
@ViewScoped
public class UserView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserPostService profiles;

    @Inject
    private CurrentSite site;

    @Inject
    private Links links;

    @Inject
    private Viewer viewer;

    @Inject
    private UserService users;

    private String n;
    private String slug;
    private String tab;
    private String page;

    private UserProfile profile;
    private Page<QuestionSummary> questions;
    private Page<AnswerSummary> answers;
    private Pager pager;

    public void load() {
        long number = Redirects.parseNumber(n);
        profile = profiles.profile(site.id(), number).orElseThrow(() -> new NotFoundException("No such user."));
        String canonical = links.user(profile.number(), profile.slug());
        if (!profile.slug().equals(slug)) {
            Redirects.permanent(canonical + (isQuestionsTab() ? "" : "?tab=" + tab));
            return;
        }
        if (!isQuestionsTab() && !isAnswersTab()) {
            return; // the Activity, Tags, Badges, Reputation and Votes tabs are ProfileTabsView's
        }
        if (isAnswersTab()) {
            answers = profiles.answersBy(site.id(), number, Redirects.parsePage(page));
            pager = Pager.of(answers, p -> canonical + "?tab=answers" + (p > 1 ? "&page=" + p : ""));
        } else {
            questions = profiles.questionsBy(site.id(), number, Redirects.parsePage(page));
            pager = Pager.of(questions, p -> canonical + (p > 1 ? "?page=" + p : ""));
        }
    }

    /** Whether the viewer, an admin of the site, may make this user a moderator or a plain user again. */
    public boolean isMayAppoint() {
        return viewer.isAdmin() && profile.role() != Role.ADMIN;
    }

    /** Makes this user a moderator ({@code true}) or a plain user again; {@link UserService#changeRole} decides. */
    public void appoint(boolean moderator) throws IOException {
        UserRef changed = users.changeRole(viewer.actor(), profile.number(), moderator ? Role.MODERATOR : Role.USER);
        Redirects.withNotice(
                changed.displayName() + (moderator ? " is now a moderator." : " is no longer a moderator."),
                links.user(profile.number(), profile.slug()));
    }

    /** Whether the viewer is looking at their own profile. */
    public boolean isOwn() {
        UserRef me = viewer.isLoggedIn() ? viewer.getUser() : null;
        return me != null && me.number() != null && me.number() == profile.number();
    }

    public boolean isAnswersTab() {
        return "answers".equals(tab);
    }

    /** The tabs a profile has besides its questions (the default, also for an unknown tab) and answers. */
    private static final java.util.Set<String> OTHER_TABS =
            java.util.Set.of("activity", "tags", "badges", "reputation", "votes");

    /**
     * The tab shown: "questions", "answers", "activity", "tags", "badges", "reputation" or "votes" (anyone's own
     * profile only).
     */
    public String getShownTab() {
        if ("answers".equals(tab) || (tab != null && OTHER_TABS.contains(tab) && (!"votes".equals(tab) || isOwn()))) {
            return tab;
        }
        return "questions";
    }

    public boolean isQuestionsTab() {
        return "questions".equals(getShownTab());
    }

    public UserProfile getProfile() {
        return profile;
    }

    public Page<QuestionSummary> getQuestions() {
        return questions;
    }

    public Page<AnswerSummary> getAnswers() {
        return answers;
    }

    public Pager getPager() {
        return pager;
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

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
