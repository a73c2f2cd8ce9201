package org.parley.tagwatch.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.parley.tagwatch.TagMarks;
import org.parley.tagwatch.TagWatchService;
import org.parley.user.security.Viewer;
import org.parley.web.Links;
import org.parley.web.Redirects;

/**
 * The viewer's watched and ignored tags for this request: read once, when a list row first asks ({@code
 * #{tagMarks.classFor(q.tags())}}), and only for a logged-in viewer, so an anonymous page renders exactly as the
 * output cache keeps it. Also the watch, ignore and clear buttons of a tag's info page and cards.
 */
@Named("tagMarks")
@RequestScoped
public class TagMarksView {

    @Inject
    private TagWatchService watches;

    @Inject
    private Viewer viewer;

    @Inject
    private Links links;

    private TagMarks marks;

    private TagMarks marks() {
        if (marks == null) {
            marks = viewer.isLoggedIn() ? watches.marks(viewer.actor()) : TagMarks.NONE;
        }
        return marks;
    }

    /** A list row's class: {@code is-watched}, {@code is-ignored} or empty. */
    public String classFor(List<String> tags) {
        return viewer.isLoggedIn() ? marks().classFor(tags) : "";
    }

    /** How the viewer marked {@code tag}: {@code watched}, {@code ignored} or null. */
    public String of(String tag) {
        return viewer.isLoggedIn() ? marks().of(tag) : null;
    }

    /** Marks the tag ({@code watch}, {@code ignore}, {@code clear}) and comes back to its info page. */
    public void mark(String tag, String mark) throws IOException {
        watches.mark(viewer.actor(), tag, mark);
        String done = switch (mark) {
            case "watch" -> "You watch " + tag + ": its questions are highlighted in lists.";
            case "ignore" -> "You ignore " + tag + ": its questions are faded in lists.";
            default -> "You neither watch nor ignore " + tag + " now.";
        };
        Redirects.withNotice(done, links.tagInfo(tag));
    }
}
