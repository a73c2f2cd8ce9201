package org.parley.api.rest;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.api.StackError;
import org.parley.api.StackException;
import org.parley.api.StackPage;
import org.parley.api.StackParameters;
import org.parley.api.StackQuery;
import org.parley.api.StackQuota;
import org.parley.api.StackSites;
import org.parley.api.StackSort;
import org.parley.people.web.Avatars;
import org.parley.rules.InvalidInputException;
import org.parley.site.SiteInfo;
import org.parley.site.web.CurrentSite;
import org.parley.web.ClientAddress;

/**
 * What every Stack Exchange API method shares, for the resources under {@code /api/2.3/} (the subclasses of {@link
 * StackResource}): the quota count, the call's filter, parameters and site, the common wrapper, the errors with their
 * HTTP status, and the vectorised ids of a path.
 */
@RequestScoped
public class StackCalls {

    private static final Logger log = Logger.getLogger(StackCalls.class.getName());

    @EJB
    private StackSites sites;

    @Inject
    private StackQuota quota;

    @Inject
    private CurrentSite currentSite;

    @Inject
    private Avatars avatars;

    @Inject
    private HttpServletRequest request;

    // ---------------------------------------------------------------------------------------------- the common part

    /** What a method answers: the wrapper's parts. */
    record Listing(List<JsonObject> items, boolean hasMore, Long total, int page, int pageSize) {}

    /** A row's JSON. */
    interface Json<T> {
        JsonObject of(T row, StackJson.Origin origin, boolean body);
    }

    /** One call: its filter, parameters and site; each method builds its {@link Listing} from it. */
    final class Call {

        private final StackFilter filter;
        private final MultivaluedMap<String, String> params;
        private SiteInfo site;

        Call(StackFilter filter, MultivaluedMap<String, String> params) {
            this.filter = filter;
            this.params = params;
        }

        String param(String name) {
            return params.getFirst(name);
        }

        /** The site the call is for: the {@code site} parameter's, else the host's. */
        SiteInfo site() {
            if (site == null) {
                String named = param("site");
                site = named == null || named.isBlank() ? currentSite.getInfo() : sites.named(named);
            }
            return site;
        }

        StackQuery query(Set<StackSort> sorts, StackSort defaultSort) {
            return StackParameters.query(this::param, sorts, defaultSort, filter.body(), filter.total());
        }

        Listing single(JsonObject item) {
            StackQuery q = query(Set.of(StackSort.ACTIVITY), StackSort.ACTIVITY);
            return new Listing(List.of(item), false, 1L, q.page(), q.pageSize());
        }

        Listing list(StackPage<JsonObject> page, StackQuery q) {
            return new Listing(page.items(), page.hasMore(), page.total(), q.page(), q.pageSize());
        }

        /** A page of rows as JSON, each by {@code json} with the call's origin and whether the filter wants bodies. */
        <T> Listing page(StackPage<T> page, StackQuery q, Json<T> json) {
            StackJson.Origin origin = origin();
            return new Listing(
                    StackJson.all(page.items(), i -> json.of(i, origin, filter.body())),
                    page.hasMore(),
                    page.total(),
                    q.page(),
                    q.pageSize());
        }

        /** {@code http://host[:port]} as this request reached the server. */
        String baseOf(String host) {
            String scheme = request.getScheme();
            int port = request.getServerPort();
            boolean usual = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + host + (usual || port <= 0 ? "" : ":" + port);
        }

        StackJson.Origin origin() {
            return new StackJson.Origin(baseOf(site().host()), request.getContextPath(), avatars::url);
        }
    }

    /**
     * Counts the call against the quota, runs {@code method} and answers its wrapper, or the error it ran into: a
     * {@link StackException} as itself, a rule's invalid input as bad_parameter, anything else as internal_error
     * (logged, its details kept from the caller).
     */
    Response answer(UriInfo uri, Function<Call, Listing> method) {
        JsonObject body;
        try {
            StackQuota.Quota used = quota.take(ClientAddress.of(request));
            if (used.exceeded()) {
                throw new StackException(
                        StackError.THROTTLE_VIOLATION,
                        "too many requests from this IP, more requests available tomorrow (quota " + used.max()
                                + " a day)");
            }
            Call call =
                    new Call(StackFilter.parse(uri.getQueryParameters().getFirst("filter")), uri.getQueryParameters());
            Listing listing = method.apply(call);
            body = StackJson.wrapper(
                    call.filter,
                    listing.items(),
                    listing.hasMore(),
                    used,
                    listing.page(),
                    listing.pageSize(),
                    listing.total());
        } catch (RuntimeException thrown) {
            return error(uri, thrown);
        }
        return Response.ok(body.toString()).header("Cache-Control", "private").build();
    }

    private Response error(UriInfo uri, RuntimeException thrown) {
        Throwable e = thrown;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        StackError error;
        String message;
        if (e instanceof StackException stack) {
            error = stack.error();
            message = stack.getMessage();
        } else if (e instanceof InvalidInputException invalid) {
            error = StackError.BAD_PARAMETER;
            message = invalid.getMessage();
        } else {
            String path = shorten(uri.getPath());
            log.log(Level.WARNING, e, () -> "API call " + path + " failed");
            error = StackError.INTERNAL_ERROR;
            message = "an error occurred while answering this request";
        }
        // Stack Exchange sends every error with 400; Parley sends the status that means the same (StackError).
        Response.ResponseBuilder answer = Response.status(error.httpStatus())
                .entity(StackJson.error(error, message).toString())
                .header("Cache-Control", "no-store");
        if (error == StackError.THROTTLE_VIOLATION) {
            answer.header("Retry-After", StackQuota.secondsToMidnightUtc());
        }
        return answer.build();
    }

    /**
     * The ids of a vectorised path segment as the client wrote them: {@code 1;2;3}. JAX-RS reads {@code ;2;3} as
     * matrix parameters and leaves only {@code 1} in the segment, so the segment is read from the raw request URI (the
     * one after the method's first name: {@code /api/2.3/questions/1;2;3/answers}); should a container strip it there
     * too, the matrix parameters' names are the other ids.
     */
    String ids(PathSegment segment) {
        String[] parts = request.getRequestURI().split("/");
        for (int i = 0; i + 2 < parts.length; i++) {
            if (parts[i].matches("2\\.[23]")) {
                String raw = URLDecoder.decode(parts[i + 2], StandardCharsets.UTF_8);
                if (raw.startsWith(segment.getPath())) {
                    return raw;
                }
                break;
            }
        }
        StringBuilder ids = new StringBuilder(segment.getPath());
        segment.getMatrixParameters().keySet().forEach(id -> ids.append(';').append(id));
        return ids.toString();
    }

    static String shorten(String s) {
        return s == null ? "" : s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /** Error 404 no_method for the path called. */
    Response noMethod(UriInfo uri) {
        return answer(uri, call -> {
            throw new StackException(StackError.NO_METHOD, "no method found with this name: " + shorten(uri.getPath()));
        });
    }

    /** The ids of a vectorised path segment, checked: see {@link StackParameters#ids}. */
    List<Long> numbers(PathSegment segment) {
        return StackParameters.ids(ids(segment));
    }
}
