package org.parley.listing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.parley.common.Page;
import org.parley.listing.TagService;
import org.parley.site.web.CurrentSite;
import org.parley.tag.TagCount;
import org.parley.tagwiki.TagWikiService;
import org.parley.web.Links;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/**
 * The tags page ({@code /tags?filter=ja&page=2}). The filter is a plain GET form, so a filtered list has its own URL
 * and works without JavaScript.
 */
@Named
@RequestScoped
public class TagsView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 60;

    @Inject
    private TagService tags;

    @Inject
    private CurrentSite site;

    @Inject
    private Links links;

    @Inject
    private TagWikiService wikis;

    private String filter;
    private String page;

    private Page<TagCount> result;
    private Pager pager;
    private Map<String, String> excerpts = Map.of();

    public void load() {
        String prefix = filter == null || filter.isBlank() ? null : filter.trim();
        result = tags.list(site.id(), prefix, Redirects.parsePage(page), PAGE_SIZE);
        String base =
                links.tags() + (prefix == null ? "" : "?filter=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        pager = Pager.of(result, p -> p == 1 ? base : base + (prefix == null ? "?" : "&") + "page=" + p);
        excerpts = wikis.excerpts(
                site.id(), result.items().stream().map(TagCount::name).toList());
        if (isPastEnd()) {
            Redirects.pastTheEnd();
        }
    }

    /** Whether the page asked for lies past the last one of a list that has tags. */
    public boolean isPastEnd() {
        return result.items().isEmpty() && result.total() > 0;
    }

    public Page<TagCount> getResult() {
        return result;
    }

    /** The excerpt of a tag on this page, or null (one query for the page's tags). */
    public String excerpt(String tag) {
        return excerpts.get(tag);
    }

    public Pager getPager() {
        return pager;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
