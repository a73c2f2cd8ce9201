package org.parley.api.rest;

import static org.parley.api.StackSort.CREATION;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.parley.api.StackRevisions;

/**
 * The Stack Exchange API's post methods under {@code /api/2.3/posts} (and 2.2): {@code /posts/{ids}/revisions}. Any
 * other path under {@code /posts} is error 404 no_method.
 */
@Path("{version: 2\\.[23]}/posts")
@RequestScoped
@Produces("application/json; charset=utf-8")
public class StackPostsResource extends StackResource {

    @EJB
    private StackRevisions revisions;

    /** Newest first; {@code fromdate}/{@code todate} bound the revision's date. */
    @GET
    @Path("{ids}/revisions")
    public Response revisions(@PathParam("ids") PathSegment ids) {
        return list(
                Set.of(CREATION),
                CREATION,
                (call, q) -> revisions.revisions(call.site().id(), calls.numbers(ids), q),
                StackJson::revision);
    }

    /** Any other path under {@code /posts}: error 404 no_method. */
    @GET
    @Path("{method: .+}")
    public Response unknown() {
        return noMethod();
    }
}
