package org.parley.message.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.parley.common.Page;
import org.parley.message.MessageService;
import org.parley.message.MessageSummary;
import org.parley.user.security.Viewer;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/** The sent folder ({@code /messages/sent?page=N}, log-in required): what the user sent, newest first, with each message's delivery state. */
@Named
@ViewScoped
public class SentView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private MessageService messages;
  @Inject private Viewer viewer;
  @Inject private MessageLinks links;

  private String page;
  private Page<MessageSummary> result;
  private Pager pager;

  public void load() {
    result = messages.sent(viewer.actor(), Redirects.parsePage(page));
    pager = Pager.of(result, links::sent);
  }

  public Page<MessageSummary> getResult() {
    return result;
  }

  public Pager getPager() {
    return pager;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }
}
