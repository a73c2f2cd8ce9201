package org.parley.api.rest;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.parley.api.StackReads;
import org.parley.api.StackSites;
import org.parley.api.StackSort;
import org.parley.people.web.Avatars;
import org.parley.rules.InvalidInputException;
import org.parley.site.SiteInfo;
import org.parley.site.web.CurrentSite;
import org.parley.web.ClientAddress;

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
public class StackApiResource {

    private static final Logger log = Logger.getLogger(StackApiResource.class.getName());

    @EJB
    private StackReads reads;

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

    @Context
    private UriInfo uri;

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
        return answer(call -> {
            StackQuery q = call.query(StackSort.QUESTION_SORTS, StackSort.ACTIVITY);
            return call.questions(reads.questions(call.site().id(), q), q);
        });
    }

    @GET
    @Path("questions/unanswered")
    public Response unanswered() {
        return answer(call -> {
            StackQuery q = call.query(StackSort.POST_SORTS, StackSort.ACTIVITY);
            return call.questions(reads.unanswered(call.site().id(), q), q);
        });
    }

    /** Featured questions carry a bounty; Parley has no bounties, so the list is empty (with the checks all the same). */
    @GET
    @Path("questions/featured")
    public Response featured() {
        return answer(call -> {
            StackQuery q = call.query(StackSort.QUESTION_SORTS, StackSort.ACTIVITY);
            call.site();
            return call.list(StackPage.empty(q.total()), q);
        });
    }

    @GET
    @Path("questions/{ids}")
    public Response questionsByIds(@PathParam("ids") PathSegment ids) {
        return answer(call -> {
            List<Long> numbers = StackParameters.ids(ids(ids));
            StackQuery q = call.query(StackSort.QUESTION_SORTS, StackSort.ACTIVITY);
            return call.questions(reads.questionsByIds(call.site().id(), numbers, q), q);
        });
    }

    @GET
    @Path("questions/{ids}/answers")
    public Response answersOnQuestions(@PathParam("ids") PathSegment ids) {
        return answer(call -> {
            List<Long> numbers = StackParameters.ids(ids(ids));
            StackQuery q = call.query(StackSort.POST_SORTS, StackSort.ACTIVITY);
            return call.answers(reads.answersOnQuestions(call.site().id(), numbers, q), q);
        });
    }

    @GET
    @Path("questions/{ids}/comments")
    public Response commentsOnQuestions(@PathParam("ids") PathSegment ids) {
        return answer(call -> {
            List<Long> numbers = StackParameters.ids(ids(ids));
            StackQuery q = call.query(StackSort.COMMENT_SORTS, StackSort.CREATION);
            return call.comments(reads.commentsOnQuestions(call.site().id(), numbers, q), q);
        });
    }

    @GET
    @Path("answers")
    public Response answers() {
        return answer(call -> {
            StackQuery q = call.query(StackSort.POST_SORTS, StackSort.ACTIVITY);
            return call.answers(reads.answers(call.site().id(), q), q);
        });
    }

    @GET
    @Path("answers/{ids}")
    public Response answersByIds(@PathParam("ids") PathSegment ids) {
        return answer(call -> {
            List<Long> numbers = StackParameters.ids(ids(ids));
            StackQuery q = call.query(StackSort.POST_SORTS, StackSort.ACTIVITY);
            return call.answers(reads.answersByIds(call.site().id(), numbers, q), q);
        });
    }

    @GET
    @Path("comments")
    public Response comments() {
        return answer(call -> {
            StackQuery q = call.query(StackSort.COMMENT_SORTS, StackSort.CREATION);
            return call.comments(reads.comments(call.site().id(), q), q);
        });
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

    /** Writes are a later step of issue 21: every POST is error 404 no_method for now. */
    @POST
    @Path("{method: .*}")
    public Response unknownWrite() {
        return noMethod();
    }

    private Response noMethod() {
        return answer(call -> {
            throw new StackException(StackError.NO_METHOD, "no method found with this name: " + shorten(uri.getPath()));
        });
    }

    // ---------------------------------------------------------------------------------------------- the common part

    /** What a method answers: the wrapper's parts. */
    record Listing(List<JsonObject> items, boolean hasMore, Long total, int page, int pageSize) {}

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

        Listing questions(StackPage<org.parley.api.StackQuestion> page, StackQuery q) {
            StackJson.Origin origin = origin();
            return new Listing(
                    StackJson.all(page.items(), i -> StackJson.question(i, origin, filter.body())),
                    page.hasMore(),
                    page.total(),
                    q.page(),
                    q.pageSize());
        }

        Listing answers(StackPage<org.parley.api.StackAnswer> page, StackQuery q) {
            StackJson.Origin origin = origin();
            return new Listing(
                    StackJson.all(page.items(), i -> StackJson.answer(i, origin, filter.body())),
                    page.hasMore(),
                    page.total(),
                    q.page(),
                    q.pageSize());
        }

        Listing comments(StackPage<org.parley.api.StackComment> page, StackQuery q) {
            StackJson.Origin origin = origin();
            return new Listing(
                    StackJson.all(page.items(), i -> StackJson.comment(i, origin, filter.body())),
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

        private StackJson.Origin origin() {
            return new StackJson.Origin(baseOf(site().host()), request.getContextPath(), avatars::url);
        }
    }

    /**
     * Counts the call against the quota, runs {@code method} and answers its wrapper, or the error it ran into: a
     * {@link StackException} as itself, a rule's invalid input as bad_parameter, anything else as internal_error
     * (logged, its details kept from the caller).
     */
    private Response answer(Function<Call, Listing> method) {
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
            return error(thrown);
        }
        return Response.ok(body.toString()).header("Cache-Control", "private").build();
    }

    private Response error(RuntimeException thrown) {
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
    private String ids(PathSegment segment) {
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

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
