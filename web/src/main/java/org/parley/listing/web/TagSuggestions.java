package org.parley.listing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parley.listing.TagService;
import org.parley.site.web.CurrentSite;

/** Tag auto-completion for the ask and edit forms' tag inputs ({@code completeMethod="#{tagSuggestions.complete}"}). */
@Named
@RequestScoped
public class TagSuggestions {

    /** How many tags the input suggests. */
    static final int SUGGESTIONS = 8;

    @Inject
    private TagService tags;

    @Inject
    private CurrentSite site;

    /** The most used tags starting with what was typed; none for a blank query. */
    public List<String> complete(String query) {
        return tags.complete(site.id(), query == null ? null : query.trim(), SUGGESTIONS);
    }
}
