package org.parley.search.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.search.SimilarQuestions;
import org.parley.site.web.CurrentSite;
import org.parley.web.Links;

/**
 * {@code GET /api/questions/similar?title=...}: the questions of the request's site (chosen by host) most like a title
 * being typed, at most five, as JSON; the ask page calls it as the title is typed. Public data, so no log-in is
 * needed. A title shorter than three words or fifteen characters, or longer than a title may be, is a 400 with a
 * message. The index query's time is in the {@code Server-Timing} header ({@code search;dur=...}) beside the total.
 */
@Path("questions/similar")
@RequestScoped
public class SimilarQuestionsResource {

    @EJB
    private SimilarQuestions similar;

    @Inject
    private CurrentSite site;

    @Inject
    private Links links;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response similar(@QueryParam("title") String title) {
        var found = similar.similar(site.getInfo(), title);
        SimilarQuestionsAnswer answer = new SimilarQuestionsAnswer(
                title.strip(),
                found.stream()
                        .map(q -> new SimilarQuestionsAnswer.Item(
                                q.number(),
                                q.title(),
                                links.question(q.number(), q.slug()),
                                q.score(),
                                q.answerCount(),
                                q.hasAcceptedAnswer(),
                                q.closed()))
                        .toList());
        // New questions and votes change the answer: a browser asks again rather than reuse it.
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(answer).cacheControl(noStore).build();
    }
}
