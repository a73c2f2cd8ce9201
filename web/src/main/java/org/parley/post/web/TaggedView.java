package org.parley.post.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.parley.common.Page;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSort;
import org.parley.post.QuestionSummary;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotFoundException;
import org.parley.site.web.CurrentSite;
import org.parley.tag.TagService;
import org.parley.web.Links;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/**
 * Questions carrying every one of some tags ({@code /questions/tagged/java+jpa}). A malformed tag is a page that does
 * not exist; a well-formed tag nobody used gives an empty list.
 */
@Named
@ViewScoped
public class TaggedView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private QuestionService questions;
  @Inject private CurrentSite site;
  @Inject private Links links;

  private String tags;
  private String sort;
  private String page;

  private List<String> tagList;
  private QuestionSort order;
  private Page<QuestionSummary> result;
  private Pager pager;

  public void load() {
    try {
      tagList = TagService.parse(tags);
    } catch (InvalidInputException e) {
      throw new NotFoundException("No such tag.");
    }
    if (tagList.isEmpty()) {
      throw new NotFoundException("No such tag.");
    }
    order = QuestionSort.parse(sort, QuestionSort.NEWEST);
    result = questions.tagged(site.id(), tagList, order, Redirects.parsePage(page), QuestionListView.PAGE_SIZE);
    String joined = String.join("+", tagList);
    String sortParam = order == QuestionSort.NEWEST ? null : QuestionListView.sortParam(order);
    pager = Pager.of(result, p -> links.tagged(joined, sortParam, p));
  }

  public QuestionSort[] getSorts() {
    return QuestionSort.values();
  }

  public String sortLink(QuestionSort s) {
    return links.tagged(String.join("+", tagList), s == QuestionSort.NEWEST ? null : QuestionListView.sortParam(s), 1);
  }

  public String sortLabel(QuestionSort s) {
    return SortLabels.of(s);
  }

  /** The tags as the page title shows them: "java jpa". */
  public String getJoined() {
    return tagList == null ? "" : String.join(" ", tagList);
  }

  public List<String> getTagList() {
    return tagList;
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
