package org.parley.people.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.parley.badge.BadgeService;
import org.parley.badge.BadgeService.Held;
import org.parley.common.Page;
import org.parley.people.ProfileActivity;
import org.parley.people.ProfileActivity.Entry;
import org.parley.people.ProfileTabs;
import org.parley.people.ProfileTabs.ReputationDay;
import org.parley.people.ProfileTabs.TagScore;
import org.parley.people.ProfileTabs.VoteCast;
import org.parley.search.web.AnalyticsCharts;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Pager;

/**
 * A profile's Activity, Tags, Badges, Reputation and Votes tabs ({@code /users/{n}/{slug}?tab=activity|tags|badges|
 * reputation|votes}); the profile's
 * own bean ({@code UserView}) keeps its questions and answers. Each list is read once per request.
 */
@Named("profileTabs")
@RequestScoped
public class ProfileTabsView {

    /** Days of the history listed in the table under the chart (the chart has them all). */
    static final int TABLE_DAYS = 30;

    @Inject
    private ProfileTabs tabs;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private List<TagScore> tags;
    private List<ReputationDay> history;
    private Page<VoteCast> votes;
    private Page<Entry> activity;
    private List<Held> held;

    @Inject
    private ProfileActivity activities;

    @Inject
    private BadgeService badges;

    public Page<Entry> activity(long userNumber, String page) {
        if (activity == null) {
            activity = activities.activity(site.id(), userNumber, org.parley.web.Redirects.parsePage(page));
        }
        return activity;
    }

    public Pager activityPager(long userNumber, String slug, String page) {
        return tabPager(activity(userNumber, page), userNumber, slug, "activity");
    }

    /** Where an activity entry leads: the badge's page, the answer, or the question. */
    public String activityLink(Entry e) {
        if (e.kind() == ProfileActivity.Kind.BADGE) {
            return links.relative(e.link());
        }
        return e.answerNumber() != null
                ? links.answer(e.questionNumber(), e.questionSlug(), e.answerNumber())
                : links.question(e.questionNumber(), e.questionSlug());
    }

    /** The user's distinct badges with how often each was earned, for the Badges tab. */
    public List<Held> badges(long userNumber) {
        if (held == null) {
            held = badges.heldByUser(site.id(), userNumber);
        }
        return held;
    }

    public List<TagScore> tags(long userNumber) {
        if (tags == null) {
            tags = tabs.tagScores(site.id(), userNumber);
        }
        return tags;
    }

    public List<ReputationDay> history(long userNumber) {
        if (history == null) {
            history = tabs.reputationHistory(site.id(), userNumber);
        }
        return history;
    }

    /** The last {@value #TABLE_DAYS} days of the history, newest first, for the table beside the chart. */
    public List<ReputationDay> recentDays(long userNumber) {
        List<ReputationDay> all = history(userNumber);
        List<ReputationDay> recent = new ArrayList<>(all.subList(Math.max(0, all.size() - TABLE_DAYS), all.size()));
        Collections.reverse(recent);
        return recent;
    }

    /** The Chart.js configuration of the reputation history, for {@code p:chart}. */
    public String chart(long userNumber) {
        List<ReputationDay> all = history(userNumber);
        return AnalyticsCharts.lines(
                all.stream().map(d -> d.day().toString()).toList(),
                List.of(new AnalyticsCharts.Series(
                        "Reputation", all.stream().map(ReputationDay::total).toList())),
                "Reputation");
    }

    public Page<VoteCast> votes(long userNumber, String page) {
        if (votes == null) {
            votes = tabs.votesCast(viewer.actor(), userNumber, org.parley.web.Redirects.parsePage(page));
        }
        return votes;
    }

    public Pager votesPager(long userNumber, String slug, String page) {
        return tabPager(votes(userNumber, page), userNumber, slug, "votes");
    }

    /** The page links of a paged profile tab: {@code ?tab=NAME}, and {@code &page=N} from page 2. */
    private Pager tabPager(Page<?> items, long userNumber, String slug, String tab) {
        String base = links.user(userNumber, slug) + "?tab=" + tab;
        return Pager.of(items, p -> p == 1 ? base : base + "&page=" + p);
    }

    public String voteLink(VoteCast v) {
        return v.onAnswer()
                ? links.answer(v.questionNumber(), v.questionSlug(), v.postNumber())
                : links.question(v.questionNumber(), v.questionSlug());
    }
}
