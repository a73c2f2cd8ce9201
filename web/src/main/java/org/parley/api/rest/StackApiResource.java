package org.parley.api.rest;

import static org.parley.api.StackSort.ACTIVITY;
import static org.parley.api.StackSort.COMMENT_SORTS;
import static org.parley.api.StackSort.CREATION;
import static org.parley.api.StackSort.POST_SORTS;
import static org.parley.api.StackSort.QUESTION_SORTS;
import static org.parley.api.StackSort.RANK;
import static org.parley.api.StackSort.RELATED_SORTS;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.parley.api.StackPage;
import org.parley.api.StackQuery;
import org.parley.api.StackQuestion;
import org.parley.api.StackQuota;
import org.parley.api.StackReads;
import org.parley.api.StackSearch;
import org.parley.api.StackSites;
import org.parley.api.StackSort;
import org.parley.site.SiteInfo;

/**
 * The Stack Exchange API v2.3 methods Parley answers, under {@code /api/2.3/} and {@code /api/2.2/} on every site's
 * host: the site is the host's, or the one the {@code site} parameter names (its name or a host name). Every call
 * counts against the caller's daily quota ({@link StackQuota}) and answers the common wrapper; any error answers
 * {@code error_id}, {@code error_name} and {@code error_message} with the HTTP status of the same meaning, and a
 * method that does not exist is error 404 no_method. The JSON is gzip-compressed for clients that ask (WildFly's
 * compression filter, wildfly-config/install-compression.cli).
 */
@Path("{version: 2\\.[23]}")
@RequestScoped
@Produces("application/json; charset=utf-8")
public class StackApiResource extends StackResource {

    @EJB
    private StackReads reads;

    @EJB
    private StackSites sites;

    @EJB
    private StackSearch search;

    // ------------------------------------------------------------------------------------------------- methods

    @GET
    @Path("info")
    public Response info() {
        return answer(call -> call.single(StackJson.info(reads.info(call.site().id(), Instant.now()))));
    }

    @GET
    @Path("sites")
    public Response sites() {
        return answer(call -> {
            StackQuery q = call.query(Set.of(StackSort.CREATION), StackSort.CREATION);
            List<StackSites.Listed> all = sites.list();
            int from = Math.min(all.size(), q.firstResult());
            int to = Math.min(all.size(), from + q.pageSize());
            List<JsonObject> items = all.subList(from, to).stream()
                    .map(s -> {
                        SiteInfo info = s.info();
                        return StackJson.site(
                                info.name(),
                                info.title(),
                                info.description(),
                                info.host(),
                                call.baseOf(info.host()),
                                info.aliases().stream().map(call::baseOf).toList(),
                                info.math(),
                                s.createdAt());
                    })
                    .toList();
            return call.list(new StackPage<>(items, to < all.size(), q.total() ? (long) all.size() : null), q);
        });
    }

    @GET
    @Path("questions")
    public Response questions() {
        return list(
                QUESTION_SORTS,
                ACTIVITY,
                (call, q) -> reads.questions(call.site().id(), q),
                StackJson::question);
    }

    @GET
    @Path("questions/unanswered")
    public Response unanswered() {
        return list(
                POST_SORTS, ACTIVITY, (call, q) -> reads.unanswered(call.site().id(), q), StackJson::question);
    }

    /** Featured questions carry a bounty; Parley has no bounties, so the list is empty (with the checks all the same). */
    @GET
    @Path("questions/featured")
    public Response featured() {
        return list(
                QUESTION_SORTS,
                ACTIVITY,
                (call, q) -> {
                    call.site();
                    return StackPage.<StackQuestion>empty(q.total());
                },
                StackJson::question);
    }

    @GET
    @Path("questions/{ids}")
    public Response questionsByIds(@PathParam("ids") PathSegment ids) {
        return list(
                QUESTION_SORTS,
                ACTIVITY,
                (call, q) -> reads.questionsByIds(call.site().id(), calls.numbers(ids), q),
                StackJson::question);
    }

    @GET
    @Path("questions/{ids}/answers")
    public Response answersOnQuestions(@PathParam("ids") PathSegment ids) {
        return list(
                POST_SORTS,
                ACTIVITY,
                (call, q) -> reads.answersOnQuestions(call.site().id(), calls.numbers(ids), q),
                StackJson::answer);
    }

    @GET
    @Path("questions/{ids}/comments")
    public Response commentsOnQuestions(@PathParam("ids") PathSegment ids) {
        return list(
                COMMENT_SORTS,
                CREATION,
                (call, q) -> reads.commentsOnQuestions(call.site().id(), calls.numbers(ids), q),
                StackJson::comment);
    }

    @GET
    @Path("questions/{ids}/linked")
    public Response linked(@PathParam("ids") PathSegment ids) {
        return list(
                QUESTION_SORTS,
                ACTIVITY,
                (call, q) -> search.linked(call.site().id(), calls.numbers(ids), q),
                StackJson::question);
    }

    /** Sort {@code rank} (the default) keeps the Related list's order. */
    @GET
    @Path("questions/{ids}/related")
    public Response related(@PathParam("ids") PathSegment ids) {
        return list(
                RELATED_SORTS,
                RANK,
                (call, q) -> search.related(call.site().id(), calls.numbers(ids), q),
                StackJson::question);
    }

    @GET
    @Path("answers")
    public Response answers() {
        return list(POST_SORTS, ACTIVITY, (call, q) -> reads.answers(call.site().id(), q), StackJson::answer);
    }

    @GET
    @Path("answers/{ids}")
    public Response answersByIds(@PathParam("ids") PathSegment ids) {
        return list(
                POST_SORTS,
                ACTIVITY,
                (call, q) -> reads.answersByIds(call.site().id(), calls.numbers(ids), q),
                StackJson::answer);
    }

    @GET
    @Path("comments")
    public Response comments() {
        return list(
                COMMENT_SORTS, CREATION, (call, q) -> reads.comments(call.site().id(), q), StackJson::comment);
    }

    /** The API's own root: no method. */
    @GET
    public Response root() {
        return noMethod();
    }

    /** Any other path under the version: error 404 no_method. */
    @GET
    @Path("{method: .+}")
    public Response unknown() {
        return noMethod();
    }
}
