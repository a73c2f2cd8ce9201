package org.parley.api.rest;

import static org.parley.api.StackSort.AWARDED;
import static org.parley.api.StackSort.BADGE_SORTS;
import static org.parley.api.StackSort.RANK;

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

/**
 * The Stack Exchange API's badge methods under {@code /api/2.3/badges} (and 2.2): {@code /badges}, {@code
 * /badges/{ids}} and {@code /badges/recipients}. Any other path under {@code /badges} is error 404 no_method.
 */
@Path("{version: 2\\.[23]}/badges")
@RequestScoped
@Produces("application/json; charset=utf-8")
public class StackBadgesResource extends StackResource {

    @EJB
    private StackPeople people;

    @GET
    public Response badges() {
        return list(
                BADGE_SORTS,
                RANK,
                (call, q) -> people.badges(call.site().id(), q, call.param("inname"), null),
                StackJson::badge);
    }

    /** Newest first: it takes no sort. */
    @GET
    @Path("recipients")
    public Response recipients() {
        return list(
                Set.of(AWARDED),
                AWARDED,
                (call, q) -> people.recipients(call.site().id(), q),
                StackJson::badge);
    }

    @GET
    @Path("{ids}")
    public Response badgesByIds(@PathParam("ids") PathSegment ids) {
        return list(
                BADGE_SORTS,
                RANK,
                (call, q) -> people.badges(call.site().id(), q, null, calls.numbers(ids)),
                StackJson::badge);
    }

    /** Any other path under {@code /badges}: error 404 no_method. */
    @GET
    @Path("{ids}/{method: .+}")
    public Response unknown() {
        return noMethod();
    }
}
