package org.parley.api.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.parley.api.StackAnswer;
import org.parley.api.StackBadge;
import org.parley.api.StackComment;
import org.parley.api.StackError;
import org.parley.api.StackInfo;
import org.parley.api.StackOwner;
import org.parley.api.StackQuestion;
import org.parley.api.StackQuota;
import org.parley.api.StackReputation;
import org.parley.api.StackRevision;
import org.parley.api.StackTag;
import org.parley.api.StackTagScore;
import org.parley.api.StackTagWiki;
import org.parley.api.StackTopTag;
import org.parley.api.StackUser;
import org.parley.common.Html;
import org.parley.common.JsonProviders;
import org.parley.common.Slugs;

/**
 * The JSON of the Stack Exchange API's types and of its common wrapper, with its field names (snake_case), dates as
 * Unix seconds and the documented default fields: a field that is null (a question never edited, an open question's
 * {@code closed_date}) is left out, as Stack Exchange leaves it out. Strings that are not HTML already (titles, names,
 * comment text) are HTML-escaped, as Stack Exchange's "safe" filters (all built-in ones) return them.
 */
public final class StackJson {

    /** The {@code api_revision} of {@code /info}. */
    static final String API_REVISION = "parley-2.3-1";

    private StackJson() {}

    /**
     * Where a site's pages are: {@code http://beer.localhost:8080} and the context path, for {@code link} and {@code
     * profile_image}; {@code avatar} gives a user's picture's path (with the context path) by number, version and
     * imported URL.
     */
    public record Origin(String base, String contextPath, Avatar avatar) {

        /** A user's picture: a path on this server (already including the context path), or an absolute URL. */
        public interface Avatar {
            String path(long number, Integer version, String importedHttpsUrl);
        }

        String page(String path) {
            return base + contextPath + path;
        }

        /** {@code pathOrUrl} as an absolute URL: a path on this server gets the base, an https URL stays. */
        String absolute(String pathOrUrl) {
            return pathOrUrl.startsWith("https://") ? pathOrUrl : base + pathOrUrl;
        }
    }

    /**
     * The common wrapper of a list.
     *
     * @param total null unless the filter asks for it
     */
    public static JsonObject wrapper(
            StackFilter filter,
            List<JsonObject> items,
            boolean hasMore,
            StackQuota.Quota quota,
            int page,
            int pageSize,
            Long total) {
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        switch (filter) {
            case NONE -> {
                // nothing: the caller asked for no field
            }
            case TOTAL -> out.add("total", total == null ? 0 : total);
            case DEFAULT, WITHBODY -> {
                JsonArrayBuilder array = JsonProviders.JSON.createArrayBuilder();
                items.forEach(array::add);
                out.add("items", array)
                        .add("has_more", hasMore)
                        .add("quota_max", quota.max())
                        .add("quota_remaining", quota.remaining())
                        .add("page", page)
                        .add("page_size", pageSize);
            }
        }
        return out.build();
    }

    /** An error: {@code error_id}, {@code error_message}, {@code error_name}, whatever the filter. */
    public static JsonObject error(StackError error, String message) {
        return JsonProviders.JSON
                .createObjectBuilder()
                .add("error_id", error.id())
                .add("error_message", message)
                .add("error_name", error.errorName())
                .build();
    }

    /** A {@code shallow_user}. */
    public static JsonObject owner(StackOwner owner, Origin origin) {
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        if (owner.userId() == null) {
            return out.add("user_type", owner.userType())
                    .add("display_name", Html.escape(owner.displayName()))
                    .build();
        }
        long number = owner.userId();
        return out.add("reputation", owner.reputation())
                .add("user_id", number)
                .add("user_type", owner.userType())
                .add(
                        "profile_image",
                        origin.absolute(origin.avatar().path(number, owner.avatarVersion(), owner.importedImageUrl())))
                .add("display_name", Html.escape(owner.displayName()))
                .add("link", origin.page("/users/" + number + "/" + Slugs.slugify(owner.displayName())))
                .build();
    }

    /**
     * A {@code user} with its default filter's fields: {@code account_id} is the {@code user_id} (Parley has no
     * network accounts), {@code is_employee} is false; {@code last_modified_date} and the {@code reputation_change_*}
     * figures are left out (Parley keeps neither). Nothing private (e-mail, log-in name) is in it.
     */
    public static JsonObject user(StackUser u, Origin origin, boolean body) {
        JsonObject shallow = owner(u.owner(), origin);
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        out.add(
                        "badge_counts",
                        JsonProviders.JSON
                                .createObjectBuilder()
                                .add("bronze", u.bronze())
                                .add("silver", u.silver())
                                .add("gold", u.gold()))
                .add("account_id", u.owner().userId())
                .add("is_employee", false);
        date(out, "last_access_date", u.lastAccessDate());
        out.add("reputation", u.owner().reputation());
        date(out, "creation_date", u.creationDate());
        out.add("user_type", u.owner().userType()).add("user_id", u.owner().userId());
        if (u.acceptRate() != null) {
            out.add("accept_rate", u.acceptRate());
        }
        if (u.location() != null && !u.location().isBlank()) {
            out.add("location", Html.escape(u.location()));
        }
        if (u.websiteUrl() != null) {
            out.add("website_url", u.websiteUrl());
        }
        return out.add("link", shallow.getString("link"))
                .add("profile_image", shallow.getString("profile_image"))
                .add("display_name", shallow.getString("display_name"))
                .build();
    }

    /** A {@code badge}: with its {@code user} on a user's badges; {@code description} is not in the default filter. */
    public static JsonObject badge(StackBadge b, Origin origin, boolean body) {
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        if (b.user() != null) {
            out.add("user", owner(b.user(), origin));
        }
        return out.add("badge_type", b.tagBased() ? "tag_based" : "named")
                .add("award_count", b.awardCount())
                .add("rank", b.rank())
                .add("badge_id", b.badgeId())
                .add("link", origin.page(b.link()))
                .add("name", Html.escape(b.name()))
                .build();
    }

    /** A {@code reputation} change; {@code link} is the post's. */
    public static JsonObject reputation(StackReputation r, Origin origin, boolean body) {
        String question = "/questions/" + r.questionId() + "/" + Slugs.slugify(r.title());
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        date(out, "on_date", r.onDate());
        return out.add("reputation_change", r.reputationChange())
                .add("vote_type", r.voteType())
                .add("post_type", r.postType())
                .add("post_id", r.postId())
                .add("user_id", r.userId())
                .add("link", origin.page(r.postType().equals("answer") ? question + "#answer-" + r.postId() : question))
                .add("title", Html.escape(r.title()))
                .build();
    }

    /** A {@code top_tag}. */
    public static JsonObject topTag(StackTopTag t, Origin origin, boolean body) {
        return JsonProviders.JSON
                .createObjectBuilder()
                .add("user_id", t.userId())
                .add("answer_count", t.answerCount())
                .add("answer_score", t.answerScore())
                .add("question_count", t.questionCount())
                .add("question_score", t.questionScore())
                .add("tag_name", t.tagName())
                .build();
    }

    /** A {@code tag}: Parley has no moderator-only or required tags. */
    public static JsonObject tag(StackTag t, Origin origin, boolean body) {
        JsonObjectBuilder out = JsonProviders.JSON
                .createObjectBuilder()
                .add("has_synonyms", t.hasSynonyms())
                .add("is_moderator_only", false)
                .add("is_required", false)
                .add("count", t.count());
        date(out, "last_activity_date", t.lastActivityDate());
        return out.add("name", t.name()).build();
    }

    /** A {@code tag_wiki}: the excerpt (escaped), its HTML {@code body} with the body filter, the last edit's date. */
    public static JsonObject tagWiki(StackTagWiki w, Origin origin, boolean body) {
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        date(out, "excerpt_last_edit_date", w.excerpt() == null ? null : w.lastEditDate());
        date(out, "body_last_edit_date", w.bodyHtml() == null ? null : w.lastEditDate());
        out.add("excerpt", Html.escape(w.excerpt() == null ? "" : w.excerpt()));
        if (body && w.bodyHtml() != null) {
            out.add("body", w.bodyHtml());
        }
        return out.add("tag_name", w.tagName()).build();
    }

    /** A {@code tag_score}. */
    public static JsonObject tagScore(StackTagScore s, Origin origin, boolean body) {
        return JsonProviders.JSON
                .createObjectBuilder()
                .add("user", owner(s.user(), origin))
                .add("score", s.score())
                .add("post_count", s.postCount())
                .build();
    }

    /** A {@code revision}; {@code revision_guid} is left out (Parley's revisions page does not expose it). */
    public static JsonObject revision(StackRevision r, Origin origin, boolean body) {
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        if (r.tags() != null) {
            out.add("tags", strings(r.tags()));
        }
        if (r.lastTags() != null) {
            out.add("last_tags", strings(r.lastTags()));
        }
        if (r.title() != null) {
            out.add("title", Html.escape(r.title()));
        }
        if (r.lastTitle() != null) {
            out.add("last_title", Html.escape(r.lastTitle()));
        }
        if (body && r.bodyHtml() != null) {
            out.add("body", r.bodyHtml());
        }
        if (r.comment() != null) {
            out.add("comment", Html.escape(r.comment()));
        }
        out.add("user", owner(r.user(), origin))
                .add("is_rollback", r.rollback())
                .add("set_community_wiki", false);
        date(out, "creation_date", r.creationDate());
        return out.add("revision_number", r.revisionNumber())
                .add("revision_type", "single_user")
                .add("post_type", r.postType())
                .add("post_id", r.postId())
                .add("content_license", r.contentLicense())
                .build();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder out = JsonProviders.JSON.createArrayBuilder();
        values.forEach(out::add);
        return out;
    }

    /** A {@code question}. */
    public static JsonObject question(StackQuestion q, Origin origin, boolean body) {
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        JsonArrayBuilder tags = JsonProviders.JSON.createArrayBuilder();
        q.tags().forEach(tags::add);
        out.add("tags", tags)
                .add("owner", owner(q.owner(), origin))
                .add("is_answered", q.answered())
                .add("view_count", q.viewCount());
        if (q.acceptedAnswerId() != null) {
            out.add("accepted_answer_id", q.acceptedAnswerId());
        }
        out.add("answer_count", q.answerCount()).add("score", q.score());
        date(out, "last_activity_date", q.lastActivityDate());
        date(out, "creation_date", q.creationDate());
        date(out, "last_edit_date", q.lastEditDate());
        date(out, "closed_date", q.closedDate());
        if (q.closedReason() != null) {
            out.add("closed_reason", q.closedReason());
        }
        date(out, "community_owned_date", q.communityOwnedDate());
        date(out, "locked_date", q.lockedDate());
        out.add("question_id", q.questionId())
                .add("content_license", q.contentLicense())
                .add("link", origin.page("/questions/" + q.questionId() + "/" + q.slug()))
                .add("title", Html.escape(q.title()));
        if (body && q.body() != null) {
            out.add("body", q.body());
        }
        return out.build();
    }

    /** An {@code answer}. */
    public static JsonObject answer(StackAnswer a, Origin origin, boolean body) {
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        out.add("owner", owner(a.owner(), origin))
                .add("is_accepted", a.accepted())
                .add("score", a.score());
        date(out, "last_activity_date", a.lastActivityDate());
        date(out, "last_edit_date", a.lastEditDate());
        date(out, "creation_date", a.creationDate());
        date(out, "community_owned_date", a.communityOwnedDate());
        date(out, "locked_date", a.lockedDate());
        out.add("answer_id", a.answerId())
                .add("question_id", a.questionId())
                .add("content_license", a.contentLicense());
        if (body && a.body() != null) {
            out.add("body", a.body());
        }
        return out.build();
    }

    /** A {@code comment}; Parley's comments are never edited. */
    public static JsonObject comment(StackComment c, Origin origin, boolean body) {
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        out.add("owner", owner(c.owner(), origin)).add("edited", false).add("score", c.score());
        date(out, "creation_date", c.creationDate());
        out.add("post_id", c.postId()).add("comment_id", c.commentId()).add("content_license", c.contentLicense());
        if (body && c.text() != null) {
            out.add("body", Html.escape(c.text()));
        }
        return out.build();
    }

    /** An {@code info}. */
    public static JsonObject info(StackInfo i) {
        return JsonProviders.JSON
                .createObjectBuilder()
                .add("new_active_users", i.newActiveUsers())
                .add("total_users", i.totalUsers())
                .add("badges_per_minute", i.badgesPerMinute())
                .add("total_badges", i.totalBadges())
                .add("total_votes", i.totalVotes())
                .add("total_comments", i.totalComments())
                .add("answers_per_minute", i.answersPerMinute())
                .add("questions_per_minute", i.questionsPerMinute())
                .add("total_answers", i.totalAnswers())
                .add("total_accepted", i.totalAccepted())
                .add("total_unanswered", i.totalUnanswered())
                .add("total_questions", i.totalQuestions())
                .add("api_revision", API_REVISION)
                .build();
    }

    /**
     * A {@code site}: its name as {@code api_site_parameter}, its title as {@code name}, its description as {@code
     * audience}, a meta site ({@code meta.} host) as {@code meta_site}; icons are the site's own favicon.
     *
     * @param siteUrl e.g. {@code http://beer.localhost:8080}
     * @param aliasUrls the site's further host names as URLs
     */
    public static JsonObject site(
            String name,
            String title,
            String description,
            String host,
            String siteUrl,
            List<String> aliasUrls,
            boolean math,
            Instant launched) {
        JsonObjectBuilder out = JsonProviders.JSON.createObjectBuilder();
        if (!aliasUrls.isEmpty()) {
            JsonArrayBuilder aliases = JsonProviders.JSON.createArrayBuilder();
            aliasUrls.forEach(aliases::add);
            out.add("aliases", aliases);
        }
        if (math) {
            out.add(
                    "markdown_extensions",
                    JsonProviders.JSON.createArrayBuilder().add("MathJax"));
        }
        date(out, "launch_date", launched);
        return out.add("site_state", "normal")
                .add("high_resolution_icon_url", siteUrl + "/favicon.svg")
                .add("favicon_url", siteUrl + "/favicon.ico")
                .add("icon_url", siteUrl + "/favicon.svg")
                .add("audience", Html.escape(description == null ? "" : description))
                .add("site_url", siteUrl)
                .add("api_site_parameter", name)
                .add("logo_url", siteUrl + "/favicon.svg")
                .add("name", Html.escape(title))
                .add("site_type", host.startsWith("meta.") ? "meta_site" : "main_site")
                .build();
    }

    /** Maps a list of rows to JSON. */
    static <T> List<JsonObject> all(List<T> rows, java.util.function.Function<T, JsonObject> json) {
        return rows.stream().map(json).toList();
    }

    private static void date(JsonObjectBuilder out, String name, Instant at) {
        if (at != null) {
            out.add(name, at.getEpochSecond());
        }
    }
}
