package org.parley.flag.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.parley.flag.FlagGroup;
import org.parley.flag.FlagService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The moderators' flags page ({@code /review/flags}): every pending flag of the site, grouped by post or comment, the
 * most flagged first, each group marked helpful (optionally deleting what was flagged) or declined. Anyone else gets
 * the 403 page from the service.
 */
@Named
@RequestScoped
public class FlagsReviewView {

    @Inject
    private FlagService flags;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private List<FlagGroup> groups;

    public void load() {
        groups = flags.pending(viewer.actor());
    }

    public List<FlagGroup> getGroups() {
        if (groups == null) {
            load();
        }
        return groups;
    }

    public void helpful(long post, Long comment) throws IOException {
        done(flags.handle(viewer.actor(), post, comment, true, false), "helpful");
    }

    public void helpfulAndDelete(long post, Long comment) throws IOException {
        done(
                flags.handle(viewer.actor(), post, comment, true, true),
                comment == null ? "helpful; the post is deleted" : "helpful; the comment is deleted");
    }

    public void decline(long post, Long comment) throws IOException {
        done(flags.handle(viewer.actor(), post, comment, false, false), "declined");
    }

    private void done(int handled, String what) throws IOException {
        Redirects.withNotice(
                handled == 1 ? "1 flag marked " + what + "." : handled + " flags marked " + what + ".",
                links.reviewFlags());
    }
}
