package org.parley.notification.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.parley.common.Page;
import org.parley.notification.NotificationService;
import org.parley.notification.NotificationView;
import org.parley.user.security.Viewer;
import org.parley.web.Pager;
import org.parley.web.Redirects;

/** The notifications inbox ({@code /notifications?page=2}): newest first, read and unread, mark one or all read. */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 30;

    @EJB
    private NotificationService notifications;

    @Inject
    private Viewer viewer;

    private String page;
    private Page<NotificationView> result;
    private Pager pager;

    public void load() {
        result = notifications.list(viewer.actor(), Redirects.parsePage(page), PAGE_SIZE);
        String base = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/notifications";
        pager = Pager.of(result, p -> p == 1 ? base : base + "?page=" + p);
    }

    public void markAllRead() throws IOException {
        notifications.markAllRead(viewer.actor());
        back();
    }

    public void markRead(long seq) throws IOException {
        notifications.markRead(viewer.actor(), seq);
        back();
    }

    /** Back to the clean URL of the page shown (post-redirect-get), where the top bar shows the new count. */
    private void back() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        int p = result == null ? 1 : result.page();
        external.redirect(external.getRequestContextPath() + "/notifications" + (p == 1 ? "" : "?page=" + p));
    }

    public Page<NotificationView> getResult() {
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
