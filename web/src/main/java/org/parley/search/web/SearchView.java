package org.parley.search.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.common.Page;
import org.parley.post.QuestionService;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotFoundException;
import org.parley.search.SearchHit;
import org.parley.search.SearchResults;
import org.parley.search.SearchService;
import org.parley.search.SearchTab;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/**
 * The results page ({@code /search?q=...&tab=newest&page=2}), reached by the top bar's GET form. A bare {@code [tag]}
 * goes to that tag's questions and a bare number to that post's question, when there is one (else it is searched). A
 * refused query (too long, too many terms) is answered with status 400 and the reason, above the box to fix it in.
 */
@Named
@RequestScoped
public class SearchView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SearchService search;

    @Inject
    private QuestionService questions;

    @Inject
    private CurrentSite site;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private String q;
    private String tab;
    private String page;

    private SearchResults results;
    private Pager pager;
    private String problem;

    public void load() {
        Optional<String> shortcut = shortcut(q);
        if (shortcut.isPresent()) {
            redirect(shortcut.get());
            return;
        }
        SearchTab order = SearchTab.of(tab);
        int p = Math.min(Redirects.parsePage(page), SearchService.MAX_PAGE);
        try {
            results = search.search(site.id(), q, order, p, viewer.actor());
            pager = Pager.of(
                    new Page<>(results.hits(), results.page(), results.pageSize(), pagedTotal(results)),
                    n -> link(q, order, n));
        } catch (InvalidInputException e) {
            problem = e.getMessage();
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(400);
        }
    }

    /**
     * The total the pager works with: the count, or, when counting stopped early, one page past what was counted (so
     * there is always a next page, up to {@value SearchService#MAX_PAGE}).
     */
    static long pagedTotal(SearchResults results) {
        if (results.totalExact()) {
            return results.total();
        }
        return Math.min(results.total() + results.pageSize(), (long) SearchService.MAX_PAGE * results.pageSize());
    }

    /**
     * "1 result", "1,234 results", or "More than 10,000 results" when the engine stopped counting: how far past the
     * limit it got depends on the page asked for and on where the index's blocks end, so the page does not show it.
     */
    static String count(long total, boolean exact) {
        if (!exact) {
            return String.format(Locale.ROOT, "More than %,d results", SearchService.COUNT_LIMIT);
        }
        return String.format(Locale.ROOT, "%,d", total) + (total == 1 ? " result" : " results");
    }

    /** How many results, as the page says it. */
    public String getCount() {
        return results == null ? "" : count(results.total(), results.totalExact());
    }

    /** Where a bare tag or number goes instead of a search, or empty. */
    Optional<String> shortcut(String query) {
        if (query == null) {
            return Optional.empty();
        }
        String s = query.strip();
        if (s.length() > 2 && s.startsWith("[") && s.endsWith("]") && s.indexOf(']') == s.length() - 1) {
            String tag = s.substring(1, s.length() - 1).strip();
            if (!tag.isEmpty() && tag.chars().noneMatch(Character::isWhitespace)) {
                return Optional.of(links.tagged(tag.toLowerCase(java.util.Locale.ROOT)));
            }
        }
        if (!s.isEmpty() && s.length() <= 12 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long number = Long.parseLong(s);
            try {
                long question = questions.questionNumberOf(site.id(), number);
                String slug = questions.slugOfQuestionContaining(site.id(), number);
                return Optional.of(
                        question == number ? links.question(question, slug) : links.answer(question, slug, number));
            } catch (NotFoundException e) {
                return Optional.empty(); // no such post: search for the number
            }
        }
        return Optional.empty();
    }

    private static void redirect(String url) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** The results page's URL for a query, tab and page; the defaults (relevance, page 1) are left out. */
    public String link(String query, SearchTab order, int n) {
        StringBuilder url = new StringBuilder(links.home()).append("search?q=");
        url.append(URLEncoder.encode(query == null ? "" : query, StandardCharsets.UTF_8));
        if (order != SearchTab.RELEVANCE) {
            url.append("&tab=").append(order.param());
        }
        if (n > 1) {
            url.append("&page=").append(n);
        }
        return url.toString();
    }

    public String tabLink(SearchTab t) {
        return link(q, t, 1);
    }

    public List<SearchTab> getTabs() {
        return List.of(SearchTab.values());
    }

    /** The link of a hit: its question, with the answer's anchor for an answer. */
    public String hitLink(SearchHit hit) {
        return hit.answer()
                ? links.answer(hit.questionNumber(), hit.slug(), hit.number())
                : links.question(hit.number(), hit.slug());
    }

    /** Whether results (perhaps none) are shown; false when the page explains what to type or shows a problem. */
    public boolean isSearched() {
        return results != null && !results.needsHelp();
    }

    /** Whether the page should explain what to type: no query, or nothing searchable in it. */
    public boolean isNeedsHelp() {
        return results != null && results.needsHelp();
    }

    public SearchResults getResults() {
        return results;
    }

    public Pager getPager() {
        return pager;
    }

    public SearchTab getOrder() {
        return results == null ? SearchTab.of(tab) : results.tab();
    }

    public String getProblem() {
        return problem;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
