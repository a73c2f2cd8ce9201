package org.parley.post.web;

import java.io.Serializable;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import org.parley.markdown.MarkdownRenderer;
import org.parley.post.Post;

/**
 * The live preview under a Markdown editor: the same renderer and sanitiser the server uses when the post is saved,
 * so what the preview shows is what the page will show. Renders again only when the text changed, and never more than
 * the {@link Post#MAX_BODY} characters a post may have: past that it says where it stopped (the form refuses the post
 * with a message next to the body). On a site with math on, TeX spans are kept from Markdown as in the saved post, and
 * the page's reading.js typesets them after each update.
 */
public final class MarkdownPreview implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int limit;
    private String markdown;
    private boolean math;
    private String html = "";

    public MarkdownPreview() {
        this(Post.MAX_BODY);
    }

    MarkdownPreview(int limit) {
        this.limit = limit;
    }

    public String html(MarkdownRenderer renderer, String current, boolean mathOn) {
        if (!Objects.equals(markdown, current) || math != mathOn) {
            markdown = current;
            math = mathOn;
            if (current == null || current.isBlank()) {
                html = "";
            } else if (current.length() > limit) {
                NumberFormat n = NumberFormat.getIntegerInstance(Locale.ENGLISH);
                html = renderer.toSafeHtml(current.substring(0, limit), mathOn)
                        + "<p class=\"preview-stop\">The preview stops at " + n.format(limit)
                        + " characters, the most a post can have; the text is " + n.format(current.length())
                        + " characters long.</p>";
            } else {
                html = renderer.toSafeHtml(current, mathOn);
            }
        }
        return html;
    }
}
