package org.parley.post.live;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.post.QuestionPages;
import org.parley.rest.ApiError;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;
import org.parley.web.ClientAddress;

/**
 * {@code GET /api/questions/{number}/live?since=VERSION&wait=SECONDS}: the long-poll fallback of a live question page
 * (when its socket cannot open): the question's changes seen by this server after {@code since}, as {@code
 * {"version":V,"reset":false,"changes":[{"kind":"ANSWERED","post":123,"v":V}]}}. {@code since=0} answers at once with
 * the version to start from; otherwise, with nothing newer yet, the request is held (no thread) until the question
 * changes or {@code wait} seconds (at most {@value #MAX_WAIT}) pass. {@code reset} says the server cannot list
 * everything after {@code since} (too old, or another server's version): refresh all. Anyone may ask about a question
 * an anonymous reader may see (else 404); no session is made. 400 for bad numbers, 429 with {@code Retry-After} past
 * the bounds of {@link LiveQuestions}.
 */
@Path("questions/{n: [0-9]{1,18}}/live")
@RequestScoped
public class LiveQuestionResource {

    public static final int MAX_WAIT = 40;

    @EJB
    private QuestionPages pages;

    @Inject
    private LiveQuestions live;

    @Inject
    private CurrentSite site;

    @Context
    private HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public void since(
            @PathParam("n") long number,
            @QueryParam("since") String since,
            @QueryParam("wait") String wait,
            @Suspended AsyncResponse response) {
        long siteId = site.id();
        try {
            pages.view(siteId, number, null);
        } catch (NotFoundException e) {
            response.resume(ApiError.response(Response.Status.NOT_FOUND, "No such question."));
            return;
        }
        long after = ApiError.number(since, Long.MAX_VALUE);
        long seconds = ApiError.number(wait, MAX_WAIT);
        if (after < 0 || seconds < 0) {
            response.resume(ApiError.response(
                    Response.Status.BAD_REQUEST,
                    "since must be a number of 0 or more, wait a number of seconds from 0 to " + MAX_WAIT + "."));
            return;
        }
        LiveQuestions.Refusal refused = live.hold(
                new LiveQuestions.Key(siteId, number), after, ClientAddress.of(request), (int) seconds, response);
        if (refused != null) {
            response.resume(Response.status(429)
                    .header("Retry-After", "10")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(
                            refused == LiveQuestions.Refusal.ADDRESS_FULL
                                    ? "Too many live questions watched from this address (at most "
                                            + LiveQuestions.MAX_PER_ADDRESS + ")."
                                    : "This server holds too many waiting requests; try again soon."))
                    .build());
        }
    }
}
