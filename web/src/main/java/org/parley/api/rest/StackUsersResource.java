package org.parley.api.rest;

import static org.parley.api.StackSort.ACTIVITY;
import static org.parley.api.StackSort.CREATION;
import static org.parley.api.StackSort.POST_SORTS;
import static org.parley.api.StackSort.RANK;
import static org.parley.api.StackSort.REPUTATION;
import static org.parley.api.StackSort.USER_BADGE_SORTS;
import static org.parley.api.StackSort.USER_SORTS;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.parley.api.StackPeople;
import org.parley.api.StackReads;

/**
 * The Stack Exchange API's user methods under {@code /api/2.3/users} (and 2.2): {@code /users}, {@code /users/{ids}}
 * and each user's questions, answers, badges, reputation changes and top tags. Any other path under {@code /users} is
 * error 404 no_method, as under the rest of the API.
 */
@Path("{version: 2\\.[23]}/users")
@RequestScoped
@Produces("application/json; charset=utf-8")
public class StackUsersResource extends StackResource {

    /** The methods that take no sort: Stack Exchange's take none; creation (the date) is all they accept. */
    private static final Set<org.parley.api.StackSort> UNSORTED = Set.of(CREATION);

    @EJB
    private StackPeople people;

    @EJB
    private StackReads reads;

    @GET
    public Response users() {
        return list(
                USER_SORTS,
                REPUTATION,
                (call, q) -> people.users(call.site().id(), q, call.param("inname"), null),
                StackJson::user);
    }

    @GET
    @Path("{ids}")
    public Response usersByIds(@PathParam("ids") PathSegment ids) {
        return list(
                USER_SORTS,
                REPUTATION,
                (call, q) -> people.users(call.site().id(), q, null, calls.numbers(ids)),
                StackJson::user);
    }

    @GET
    @Path("{ids}/questions")
    public Response questions(@PathParam("ids") PathSegment ids) {
        return list(
                POST_SORTS,
                ACTIVITY,
                (call, q) -> reads.questionsOfUsers(call.site().id(), calls.numbers(ids), q),
                StackJson::question);
    }

    @GET
    @Path("{ids}/answers")
    public Response answers(@PathParam("ids") PathSegment ids) {
        return list(
                POST_SORTS,
                ACTIVITY,
                (call, q) -> reads.answersOfUsers(call.site().id(), calls.numbers(ids), q),
                StackJson::answer);
    }

    @GET
    @Path("{ids}/badges")
    public Response badges(@PathParam("ids") PathSegment ids) {
        return list(
                USER_BADGE_SORTS,
                RANK,
                (call, q) -> people.badgesOfUsers(call.site().id(), calls.numbers(ids), q),
                StackJson::badge);
    }

    /** Newest first. */
    @GET
    @Path("{ids}/reputation")
    public Response reputation(@PathParam("ids") PathSegment ids) {
        return list(
                UNSORTED,
                CREATION,
                (call, q) -> people.reputationOfUsers(call.site().id(), calls.numbers(ids), q),
                StackJson::reputation);
    }

    @GET
    @Path("{ids}/top-tags")
    public Response topTags(@PathParam("ids") PathSegment ids) {
        return list(
                UNSORTED,
                CREATION,
                (call, q) -> people.topTagsOfUsers(call.site().id(), calls.numbers(ids), q),
                StackJson::topTag);
    }

    /** Any other path under {@code /users}: error 404 no_method. */
    @GET
    @Path("{ids}/{method: .+}")
    public Response unknown() {
        return noMethod();
    }
}
