package org.parley.api.rest;

import static org.parley.api.StackSort.ACTIVITY;
import static org.parley.api.StackSort.RELEVANCE;
import static org.parley.api.StackSort.SEARCH_SORTS;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.parley.api.StackSearch;

/**
 * The Stack Exchange API's search methods under {@code /api/2.3/} (and 2.2): {@code /search}, {@code /search/advanced}
 * and {@code /similar}, over Parley's search engine ({@link StackSearch}). Any other path under them is error 404
 * no_method.
 */
@Path("{version: 2\\.[23]}/{kind: search|similar}")
@RequestScoped
@Produces("application/json; charset=utf-8")
public class StackSearchResource extends StackResource {

    @EJB
    private StackSearch search;

    /** {@code /search} (sorted by activity unless asked) or {@code /similar} (by relevance unless asked). */
    @GET
    public Response searchOrSimilar(@PathParam("kind") String kind) {
        if (kind.equals("similar")) {
            return list(
                    SEARCH_SORTS,
                    RELEVANCE,
                    (call, q) -> search.similar(call.site(), call.param("title"), q),
                    StackJson::question);
        }
        return list(
                SEARCH_SORTS,
                ACTIVITY,
                (call, q) -> search.questions(call.site().id(), StackSearch.simpleQuery(call::param), q),
                StackJson::question);
    }

    @GET
    @Path("advanced")
    public Response advanced(@PathParam("kind") String kind) {
        if (!kind.equals("search")) {
            return noMethod();
        }
        return list(
                SEARCH_SORTS,
                ACTIVITY,
                (call, q) -> search.questions(call.site().id(), StackSearch.advancedQuery(call::param), q),
                StackJson::question);
    }

    /** Any other path under {@code /search} or {@code /similar}: error 404 no_method. */
    @GET
    @Path("{method: .+}")
    public Response unknown() {
        return noMethod();
    }
}
