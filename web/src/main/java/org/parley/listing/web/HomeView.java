package org.parley.listing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.parley.listing.ListingService;
import org.parley.listing.TagService;
import org.parley.post.QuestionSummary;
import org.parley.site.web.CurrentSite;
import org.parley.tag.TagCount;

/**
 * The home page ({@code /}): the site's top questions (recently active ones, filled with the hot list when the site
 * is quiet: {@link ListingService#top}) and its most used tags.
 */
@Named
@RequestScoped
public class HomeView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int HOT = 30;
    static final int POPULAR_TAGS = 24;

    @Inject
    private ListingService questions;

    @Inject
    private TagService tags;

    @Inject
    private CurrentSite site;

    private List<QuestionSummary> hot;
    private List<TagCount> popularTags;

    public void load() {
        hot = questions.top(site.id(), HOT, Instant.now());
        popularTags = tags.list(site.id(), null, 1, POPULAR_TAGS).items();
    }

    public List<QuestionSummary> getHot() {
        return hot;
    }

    public List<TagCount> getPopularTags() {
        return popularTags;
    }
}
