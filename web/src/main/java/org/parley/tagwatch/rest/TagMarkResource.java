package org.parley.tagwatch.rest;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.parley.common.Actor;
import org.parley.rest.ApiError;
import org.parley.tagwatch.TagWatchService;
import org.parley.user.security.Viewer;

/**
 * {@code PUT /api/tags/{name}/mark} with {@code {"mark":"watch"}} ({@code watch}, {@code ignore} or {@code clear}):
 * marks a tag for the logged-in user, as the tag's info page does, and answers {@code {"tag":"tyres","mark":"watched"}}
 * ({@code mark} left out once cleared). The /tags page's card buttons call it (parley.js). A JSON body only, like every
 * JSON API of Parley's, so a form on another site cannot send it with the SameSite=Lax session. 401 when not logged
 * in, 400 for another mark or past the number of marks a user may keep, 404 for a tag the site does not have.
 */
@Path("tags/{name}/mark")
public class TagMarkResource {

    /** The request body. */
    public static class MarkRequest {
        @JsonbProperty("mark")
        public String mark;
    }

    /** The answer: the tag and how it is marked now (left out once cleared). */
    public record MarkAnswer(String tag, String mark) {}

    @Inject
    private TagWatchService watches;

    @Inject
    private Viewer viewer;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response mark(@PathParam("name") String name, MarkRequest body) {
        Actor actor = viewer.actor();
        if (actor == null) {
            return ApiError.response(Response.Status.UNAUTHORIZED, "Log in to watch or ignore tags.");
        }
        String mark = body == null ? null : body.mark;
        if (!"watch".equals(mark) && !"ignore".equals(mark) && !"clear".equals(mark)) {
            return ApiError.response(Response.Status.BAD_REQUEST, "mark must be watch, ignore or clear.");
        }
        watches.mark(actor, name, mark);
        String now = switch (mark) {
            case "watch" -> "watched";
            case "ignore" -> "ignored";
            default -> null;
        };
        return Response.ok(new MarkAnswer(name.strip().toLowerCase(Locale.ROOT), now))
                .build();
    }
}
