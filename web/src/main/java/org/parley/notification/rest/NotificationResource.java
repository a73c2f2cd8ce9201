package org.parley.notification.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.common.Actor;
import org.parley.notification.push.LongPolls;
import org.parley.rest.ApiError;
import org.parley.user.security.Viewer;

/**
 * {@code GET /api/notifications?since=SEQ&wait=SECONDS&unread=N&mail=STAMP}: the logged-in user's notifications
 * numbered after {@code since}, the counters and the state of their messages ({@code {"state":{"seq":7,"unread":2},
 * "items":[...],"messages":{"unread":1,"stamp":"5f3a9c1"}}}). With {@code wait} (1..{@value #MAX_WAIT}) and nothing
 * changed yet (no newer notification, the notification unread count still {@code unread}, the mailbox stamp still
 * {@code mail}; the last two optional), the request is held until something changes or the wait runs out (a long-poll,
 * the fallback when the browser's socket fails). 401 when not logged in, 400 for bad numbers, 429 past the
 * long-poll bounds ({@link LongPolls}).
 */
@Path("notifications")
public class NotificationResource {

    public static final int MAX_WAIT = 40;

    @Inject
    private Viewer viewer;

    @Inject
    private LongPolls polls;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public void since(
            @QueryParam("since") String since,
            @QueryParam("wait") String wait,
            @QueryParam("unread") String unread,
            @QueryParam("mail") String mail,
            @Suspended AsyncResponse response) {
        Actor actor = viewer.actor();
        if (actor == null) {
            response.resume(ApiError.response(Response.Status.UNAUTHORIZED, "Log in to see your notifications."));
            return;
        }
        long after = ApiError.number(since, Long.MAX_VALUE);
        long seconds = ApiError.number(wait, MAX_WAIT);
        long shown = unread == null || unread.isBlank() ? -1 : ApiError.number(unread, Integer.MAX_VALUE);
        if (after < 0 || seconds < 0 || (unread != null && !unread.isBlank() && shown < 0)) {
            response.resume(ApiError.response(
                    Response.Status.BAD_REQUEST,
                    "since and unread must be numbers of 0 or more, wait a number of seconds from 0 to " + MAX_WAIT
                            + "."));
            return;
        }
        if (seconds == 0) {
            response.resume(LongPolls.ok(polls.answer(actor, after)));
            return;
        }
        String stamp = mail == null || mail.isBlank() || mail.length() > 16 ? null : mail.strip();
        LongPolls.Refusal refused = polls.hold(actor, after, (int) shown, stamp, (int) seconds, response);
        if (refused != null) {
            response.resume(Response.status(429)
                    .header("Retry-After", "10")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(
                            refused == LongPolls.Refusal.USER_FULL
                                    ? "Too many waiting requests for this user (at most " + LongPolls.MAX_PER_USER
                                            + ")."
                                    : "This server holds too many waiting requests; try again soon."))
                    .build());
        }
    }
}
