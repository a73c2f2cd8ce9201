package org.parley.message.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.parley.message.MessageSearchRules;
import org.parley.message.MessageService;
import org.parley.message.OutboxCounts;
import org.parley.message.PrivateMessageSearch;
import org.parley.message.SentMessage;
import org.parley.rules.InvalidInputException;

/**
 * {@code POST /api/messages} ({@code {"to", "body"}}) sends a private message and answers 202 Accepted with its id:
 * a background job delivers it. Refusals: 400 (bad input), 401 (not logged in), 403 (blocked), 404 (no such user),
 * 429 with {@code Retry-After} (sending limit). {@code GET /api/messages/recent} returns the caller's pre-rendered
 * recent-messages widget from the shared cache (no SQL on a hit); {@code GET /api/messages/outbox} counts the
 * caller's sent messages by state. {@code GET /api/messages/search?q=...&page=N} searches the caller's own
 * messages (20 hits a page); an empty, too long or wordless query, or a bad page, is 400.
 */
@Path("messages")
@RequestScoped
public class MessageResource {

    @EJB
    private MessageService messages;

    @EJB
    private PrivateMessageSearch search;

    @Inject
    private ApiCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(SendRequest request) {
        var actor = caller.require();
        if (request == null) {
            throw new InvalidInputException("Send a JSON object with \"to\" and \"body\".");
        }
        SentMessage sent = messages.send(actor, request.to(), request.body());
        return Response.accepted(sent)
                .location(URI.create("messages/" + sent.id()))
                .build();
    }

    @GET
    @Path("recent")
    @Produces(MediaType.TEXT_HTML)
    public Response recent() {
        String html = messages.recentHtml(caller.require());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setPrivate(true);
        return Response.ok(html).cacheControl(noStore).build();
    }

    @GET
    @Path("outbox")
    @Produces(MediaType.APPLICATION_JSON)
    public OutboxCounts outbox() {
        return messages.outbox(caller.require());
    }

    @GET
    @Path("search")
    @Produces(MediaType.APPLICATION_JSON)
    public SearchAnswer search(@QueryParam("q") String q, @QueryParam("page") String page) {
        var actor = caller.require();
        String query = MessageSearchRules.checkQuery(q);
        return SearchAnswer.of(query, search.search(actor, query, MessageSearchRules.checkPage(page)));
    }
}
