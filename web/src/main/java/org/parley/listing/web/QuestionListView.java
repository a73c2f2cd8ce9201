package org.parley.listing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.parley.common.Page;
import org.parley.listing.ListingService;
import org.parley.post.QuestionSort;
import org.parley.post.QuestionSummary;
import org.parley.site.web.CurrentSite;
import org.parley.web.Links;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/** All questions ({@code /questions?sort=votes&page=2}), in one of the {@link QuestionSort} orders. */
@Named
@RequestScoped
public class QuestionListView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 30;

    @Inject
    private ListingService questions;

    @Inject
    private CurrentSite site;

    @Inject
    private Links links;

    private String sort;
    private String page;

    private QuestionSort order;
    private Page<QuestionSummary> result;
    private Pager pager;

    public void load() {
        order = QuestionSort.parse(sort, QuestionSort.NEWEST);
        result = questions.list(site.id(), order, Redirects.parsePage(page), PAGE_SIZE);
        String sortParam = order == QuestionSort.NEWEST ? null : sortParam(order);
        pager = Pager.of(result, p -> links.questions(sortParam, p));
        if (isPastEnd()) {
            Redirects.pastTheEnd();
        }
    }

    static String sortParam(QuestionSort sort) {
        return sort.name().toLowerCase(Locale.ROOT);
    }

    /** Sort tabs, in the order shown. */
    public QuestionSort[] getSorts() {
        return QuestionSort.values();
    }

    public String sortLink(QuestionSort s) {
        return links.questions(s == QuestionSort.NEWEST ? null : sortParam(s), 1);
    }

    public String sortLabel(QuestionSort s) {
        return SortLabels.of(s);
    }

    /** The page's title: its order, and its number after the first. */
    public String getTitle() {
        return SortLabels.title(order, result.page());
    }

    /** Whether the page asked for lies past the last one of a list that has questions. */
    public boolean isPastEnd() {
        return result.items().isEmpty() && result.total() > 0;
    }

    /** The link to the list's last page (for a page past the end). */
    public String getLastPageLink() {
        return links.questions(order == QuestionSort.NEWEST ? null : sortParam(order), result.totalPages());
    }

    public QuestionSort getOrder() {
        return order;
    }

    public Page<QuestionSummary> getResult() {
        return result;
    }

    public Pager getPager() {
        return pager;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
