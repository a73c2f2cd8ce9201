package org.parley.listing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parley.listing.ListingService;
import org.parley.post.QuestionSummary;
import org.parley.site.web.CurrentSite;

/** The question page's "Hot questions" sidebar ({@code #{hotQuestions.list}}). */
@Named
@RequestScoped
public class HotQuestions {

    /** How many questions the sidebar lists. */
    static final int HOT = 10;

    @Inject
    private ListingService listings;

    @Inject
    private CurrentSite site;

    private List<QuestionSummary> list;

    /** The site's hottest questions, read only when the sidebar is rendered (not when it comes from the cache). */
    public List<QuestionSummary> getList() {
        if (list == null) {
            list = listings.hot(site.id(), HOT);
        }
        return list;
    }
}
