package org.parley.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.parley.user.UserRef;

/**
 * The clean URLs of pages, with the context path, for templates ({@code #{links.question(q.number(), q.slug())}}) and
 * for redirects from view beans. {@link CleanUrlFilter} maps them back onto views.
 */
@Named
@ApplicationScoped
public class Links {

    @Inject
    private ServletContext servletContext;

    public String home() {
        return base() + "/";
    }

    public String questions() {
        return base() + "/questions";
    }

    public String questions(String sort, int page) {
        return questions() + query(sort, page);
    }

    public String ask() {
        return base() + "/questions/ask";
    }

    public String question(long number, String slug) {
        return base() + "/questions/" + number + "/" + slug;
    }

    public String answer(long questionNumber, String slug, long answerNumber) {
        return question(questionNumber, slug) + "#answer-" + answerNumber;
    }

    public String edit(long postNumber) {
        return base() + "/posts/" + postNumber + "/edit";
    }

    /** The page where a post is flagged. */
    public String flag(long postNumber) {
        return base() + "/posts/" + postNumber + "/flag";
    }

    /** The page where a comment of a post is flagged. */
    public String flagComment(long postNumber, long commentId) {
        return flag(postNumber) + "?comment=" + commentId;
    }

    /** The review queues. */
    public String review() {
        return base() + "/review";
    }

    /** A review queue's next task. */
    public String review(String queueSlug) {
        return review() + "/" + queueSlug;
    }

    /** A review task as it stands. */
    public String reviewTask(String queueSlug, long taskId) {
        return review(queueSlug) + "/" + taskId;
    }

    /** The moderators' list of pending flags. */
    public String reviewFlags() {
        return base() + "/review/flags";
    }

    /** The page where a question is voted closed. */
    public String close(long questionNumber) {
        return base() + "/posts/" + questionNumber + "/close";
    }

    /** A post's revisions page; {@code /revisions/{n}} answers too. */
    public String revisions(long postNumber) {
        return base() + "/posts/" + postNumber + "/revisions";
    }

    public String tagged(String tag) {
        return base() + "/questions/tagged/" + encode(tag);
    }

    /** Questions carrying all of {@code tags} (joined with {@code +}, as Stack Overflow does), sorted and paged. */
    public String tagged(String tags, String sort, int page) {
        return tagged(tags) + query(sort, page);
    }

    public String tags() {
        return base() + "/tags";
    }

    /** The tag synonyms page. */
    public String tagSynonyms() {
        return base() + "/tags/synonyms";
    }

    /** A tag's info page: its excerpt and wiki. */
    public String tagInfo(String tag) {
        return base() + "/tags/" + encode(tag) + "/info";
    }

    /** Editing a tag's excerpt and wiki. */
    public String tagWikiEdit(String tag) {
        return base() + "/tags/" + encode(tag) + "/edit";
    }

    /** The badges page: every badge, how many hold it, how to earn it. */
    /** The users directory. */
    public String users() {
        return base() + "/users";
    }

    /** Editing one's own profile. */
    public String editProfile() {
        return base() + "/users/edit";
    }

    public String badges() {
        return base() + "/badges";
    }

    /** A path on the site ({@code /badges/3}) as a link. */
    public String relative(String path) {
        return base() + path;
    }

    /** The privileges page: what reputation unlocks on this site. */
    public String privileges() {
        return base() + "/help/privileges";
    }

    public String user(long number, String slug) {
        return base() + "/users/" + number + "/" + slug;
    }

    /** A user's profile, or null for a deleted user (templates render no link then). */
    public String user(UserRef user) {
        return user == null || !user.linkable() ? null : user(user.number(), user.slug());
    }

    public String login() {
        return base() + "/users/login";
    }

    /** The login page that comes back to {@code next} (a path on this site) afterwards. */
    public String login(String next) {
        return next == null || next.isBlank() ? login() : login() + "?next=" + encodeParam(next);
    }

    public String register() {
        return base() + "/users/register";
    }

    /** The sign-up page that comes back to {@code next} (a path on this site) afterwards. */
    public String register(String next) {
        return next == null || next.isBlank() ? register() : register() + "?next=" + encodeParam(next);
    }

    /** The admin home, linking every admin page. */
    public String admin() {
        return base() + "/admin";
    }

    public String adminImports() {
        return base() + "/admin/imports";
    }

    public String adminSites() {
        return base() + "/admin/sites";
    }

    public String adminModerators() {
        return base() + "/admin/moderators";
    }

    public String adminCache() {
        return base() + "/admin/cache";
    }

    /** The exception log (issue 22). */
    public String adminErrors() {
        return base() + "/admin/errors";
    }

    /** The access log's statistics and this node's log (issue 22). */
    public String adminTraffic() {
        return base() + "/admin/traffic";
    }

    /** The site's analytics (issue 16). */
    public String adminAnalytics() {
        return base() + "/admin/analytics";
    }

    /** The logged-in user's own message analytics (issue 16), a tab of the message pages. */
    public String messageAnalytics() {
        return base() + "/messages/analytics";
    }

    private String base() {
        return servletContext.getContextPath();
    }

    private static String query(String sort, int page) {
        StringBuilder q = new StringBuilder();
        if (sort != null && !sort.isBlank()) {
            q.append("?sort=").append(encodeParam(sort));
        }
        if (page > 1) {
            q.append(q.length() == 0 ? '?' : '&').append("page=").append(page);
        }
        return q.toString();
    }

    /** A tag as a path segment: {@code c#} becomes {@code c%23}; {@code +} (c++) stays, as CleanUrlFilter expects. */
    private static String encode(String segment) {
        return encodeParam(segment).replace("%2B", "+");
    }

    private static String encodeParam(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
