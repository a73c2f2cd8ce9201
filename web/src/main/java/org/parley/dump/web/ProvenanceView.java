package org.parley.dump.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.dump.Attribution;
import org.parley.dump.AttributionService;
import org.parley.dump.VoteCountService;
import org.parley.dump.VoteCounts;
import org.parley.link.LinkService;
import org.parley.link.LinkedQuestion;
import org.parley.site.web.CurrentSite;

/**
 * Per request, what pages show about imported content: a question page's licenses, linked questions and imported
 * vote counts. Each is read once per request however often the page asks.
 */
@Named("provenance")
@RequestScoped
public class ProvenanceView {

    @Inject
    private AttributionService attributions;

    @Inject
    private LinkService links;

    @Inject
    private CurrentSite site;

    private final Map<Long, Attribution> attributionCache = new HashMap<>();
    private final Map<Long, List<LinkedQuestion>> linkCache = new HashMap<>();
    private final Map<Long, Map<Long, VoteCounts>> voteCache = new HashMap<>();

    @Inject
    private VoteCountService voteCounts;

    public Attribution of(long question) {
        return attributionCache.computeIfAbsent(question, n -> attributions.forQuestion(site.id(), n));
    }

    public List<LinkedQuestion> linked(long question) {
        return linkCache.computeIfAbsent(question, n -> links.listForQuestion(site.id(), n));
    }

    /** The up and down votes of a post on question {@code question}'s page (all its posts read at once). */
    public VoteCounts votes(long question, long post) {
        return voteCache
                .computeIfAbsent(question, q -> voteCounts.forQuestion(site.id(), q))
                .getOrDefault(post, VoteCounts.NONE);
    }

    public String deed(String license) {
        return Attribution.deedUrl(license);
    }
}
