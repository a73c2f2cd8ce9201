package org.parley.listing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.parley.common.Page;
import org.parley.listing.ListingService;
import org.parley.listing.TagExpression;
import org.parley.listing.TagService;
import org.parley.listing.TaggedQuestions;
import org.parley.post.QuestionSort;
import org.parley.post.QuestionSummary;
import org.parley.rules.InvalidInputException;
import org.parley.site.web.CurrentSite;
import org.parley.tag.TagCount;
import org.parley.tagwiki.TagWikiService;
import org.parley.web.Links;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/**
 * Questions a tag expression selects ({@code /questions/tagged/java+jpa}, {@code java+or+kotlin}, {@code java+-python}),
 * with the tags found most often beside them. A malformed expression (a bad tag name, too many terms, a stray
 * {@code or} or {@code -}) is a 400 whose page says what is wrong; tags no question carries give an empty list with a
 * hint naming them.
 */
@Named
@RequestScoped
public class TaggedView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int RELATED = 16;

    @Inject
    private ListingService questions;

    @Inject
    private TagService tagService;

    @Inject
    private CurrentSite site;

    @Inject
    private TagWikiService wikis;

    @Inject
    private Links links;

    private String tags;
    private String sort;
    private String page;

    private TagExpression expression;
    private String error;
    private List<String> unknownTags = List.of();
    private List<TagCount> related = List.of();
    private QuestionSort order;
    private Page<QuestionSummary> result;
    private Pager pager;
    private String excerpt;
    private String singleTagName;

    /** One piece of the heading: a tag (maybe negated) or the word "or". */
    public record Label(String text, boolean tag) implements Serializable {}

    public void load() {
        order = QuestionSort.parse(sort, QuestionSort.NEWEST);
        int p = Redirects.parsePage(page);
        TaggedQuestions tagged;
        try {
            // A tag synonym's list is its target's: one URL per list (Stack Overflow redirects the same way).
            TagExpression asked = TagExpression.parse(tags);
            TagExpression canonical = questions.canonical(site.id(), asked);
            if (!canonical.equals(asked)) {
                Redirects.permanent(links.tagged(
                        canonical.toPath(),
                        order == QuestionSort.NEWEST ? null : QuestionListView.sortParam(order),
                        p));
                return;
            }
            tagged = questions.tagged(site.id(), tags, order, p, QuestionListView.PAGE_SIZE);
        } catch (InvalidInputException e) {
            error = e.getMessage();
            result = Page.empty(p, QuestionListView.PAGE_SIZE);
            pager = Pager.of(result, n -> links.tags());
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(400);
            return;
        }
        expression = tagged.expression();
        result = tagged.page();
        unknownTags = tagged.unknownTags();
        related = tagService.related(site.id(), expression, RELATED);
        if (isSingleTag() && !expression.groups().get(0).get(0).negated()) {
            String only = expression.groups().get(0).get(0).tag();
            excerpt = wikis.excerpts(site.id(), List.of(only)).get(only);
            singleTagName = only;
        }
        String path = expression.toPath();
        String sortParam = order == QuestionSort.NEWEST ? null : QuestionListView.sortParam(order);
        pager = Pager.of(result, n -> links.tagged(path, sortParam, n));
        if (isPastEnd()) {
            Redirects.pastTheEnd();
        } else if (!isSingleTag() || !unknownTags.isEmpty() || !path.equals(tags)) {
            // Expressions combine tags without end, and unknown tags are made up as easily: both are rendered for
            // whoever asks, and only one existing tag's pages, under their canonical path, are kept.
            Redirects.notStored("tag expression");
        }
    }

    public QuestionSort[] getSorts() {
        return QuestionSort.values();
    }

    public String sortLink(QuestionSort s) {
        String path = expression == null ? "" : expression.toPath();
        return links.tagged(path, s == QuestionSort.NEWEST ? null : QuestionListView.sortParam(s), 1);
    }

    public String sortLabel(QuestionSort s) {
        return SortLabels.of(s);
    }

    /** The expression as the page title shows it: "java jpa", "java or kotlin -python". */
    public String getJoined() {
        return expression == null ? "" : expression.toString();
    }

    /** The heading's pieces, in order. */
    public List<Label> getLabels() {
        List<Label> labels = new ArrayList<>();
        if (expression != null) {
            for (List<TagExpression.Term> group : expression.groups()) {
                for (int i = 0; i < group.size(); i++) {
                    if (i > 0) {
                        labels.add(new Label("or", false));
                    }
                    labels.add(new Label(group.get(i).toString(), true));
                }
            }
        }
        return labels;
    }

    /** Why the expression was refused, or null. */
    public String getError() {
        return error;
    }

    public List<String> getUnknownTags() {
        return unknownTags;
    }

    public List<TagCount> getRelated() {
        return related;
    }

    /** The excerpt of the one tag listed (null for an expression, or a tag without one). */
    public String getExcerpt() {
        return excerpt;
    }

    /** The one tag listed, for its info link (null for an expression). */
    public String getSingleTagName() {
        return singleTagName;
    }

    public boolean isSingleTag() {
        return expression != null
                && expression.groups().size() == 1
                && expression.groups().get(0).size() == 1;
    }

    /** Whether the page asked for lies past the last one of a list that has questions. */
    public boolean isPastEnd() {
        return error == null && result.items().isEmpty() && result.total() > 0;
    }

    /** The link to the list's last page (for a page past the end). */
    public String getLastPageLink() {
        return links.tagged(
                expression.toPath(),
                order == QuestionSort.NEWEST ? null : QuestionListView.sortParam(order),
                result.totalPages());
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

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
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
