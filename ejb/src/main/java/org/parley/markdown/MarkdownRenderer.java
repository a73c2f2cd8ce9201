package org.parley.markdown;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Markdown to safe HTML. Thread-safe; inject it, or use {@link #shared()} where there is no CDI.
 */
@ApplicationScoped
public class MarkdownRenderer {

  /** The instance for code outside CDI (tests, importers, entities' callers in plain Java). */
  public static MarkdownRenderer shared() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Renders Markdown (GFM tables, strikethrough, autolinks) and sanitises the result; null gives "". */
  public String toSafeHtml(String markdown) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Sanitises HTML (e.g. an imported body) with the same policy as {@link #toSafeHtml}; null gives "". */
  public String sanitize(String html) {
    throw new UnsupportedOperationException("not yet");
  }
}
