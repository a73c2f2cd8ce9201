package org.parley.api.rest;

import static org.parley.api.StackSort.POPULAR;
import static org.parley.api.StackSort.TAG_SORTS;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.parley.api.StackSort;
import org.parley.api.StackTags;

/**
 * The Stack Exchange API's tag methods under {@code /api/2.3/tags} (and 2.2): {@code /tags}, {@code /tags/{tags}/info},
 * {@code /tags/{tags}/wikis}, {@code /tags/{tags}/related} and {@code /tags/{tag}/top-answerers/{period}}. Any other
 * path under {@code /tags} is error 404 no_method.
 */
@Path("{version: 2\\.[23]}/tags")
@RequestScoped
@Produces("application/json; charset=utf-8")
public class StackTagsResource extends StackResource {

    /** The methods that take no sort (Stack Exchange's take none). */
    private static final Set<StackSort> UNSORTED = Set.of(POPULAR);

    @EJB
    private StackTags tags;

    @GET
    public Response all() {
        return list(
                TAG_SORTS,
                POPULAR,
                (call, q) -> tags.tags(call.site().id(), q, call.param("inname"), null),
                StackJson::tag);
    }

    @GET
    @Path("{tags}/info")
    public Response info(@PathParam("tags") PathSegment names) {
        return list(
                TAG_SORTS,
                POPULAR,
                (call, q) -> tags.tags(call.site().id(), q, null, names(call, names)),
                StackJson::tag);
    }

    @GET
    @Path("{tags}/wikis")
    public Response wikis(@PathParam("tags") PathSegment names) {
        return list(
                UNSORTED,
                POPULAR,
                (call, q) -> tags.wikis(call.site().id(), names(call, names), q),
                StackJson::tagWiki);
    }

    @GET
    @Path("{tags}/related")
    public Response related(@PathParam("tags") PathSegment names) {
        return list(
                UNSORTED, POPULAR, (call, q) -> tags.related(call.site().id(), names(call, names), q), StackJson::tag);
    }

    @GET
    @Path("{tag}/top-answerers/{period}")
    public Response topAnswerers(@PathParam("tag") PathSegment name, @PathParam("period") String period) {
        return list(
                UNSORTED,
                POPULAR,
                (call, q) ->
                        tags.topAnswerers(call.site().id(), names(call, name).get(0), period, q),
                StackJson::tagScore);
    }

    /** Any other path under {@code /tags}: error 404 no_method. */
    @GET
    @Path("{method: .+}")
    public Response unknown() {
        return noMethod();
    }

    private List<String> names(StackCalls.Call call, PathSegment segment) {
        return tags.names(call.site().id(), calls.ids(segment));
    }
}
