package org.parley.message;

import java.util.List;
import org.parley.rules.InvalidInputException;

/**
 * The pure rules of searching one's messages: what a query may be, how far the pages go, and how a highlighted
 * fragment becomes safe HTML.
 */
public final class MessageSearchRules {

  /** The longest query, in characters. */
  public static final int MAX_QUERY = 200;

  /** Hits a page. */
  public static final int PAGE_SIZE = 20;

  /**
   * The last page one may ask for: 500 pages of 20 are the first 10,000 hits, Elasticsearch's default result
   * window, beyond which it refuses the query.
   */
  public static final int MAX_PAGE = 500;

  /**
   * The highlighter marks matched terms with these two characters (Unicode private use, which {@link
   * #searchableText} removes from indexed text, so no body can contain them); {@link #snippetHtml} escapes the
   * fragment and only then turns them into {@code <mark>} tags. No backend's own HTML encoding is trusted.
   */
  public static final String HIT_START = "\uE000";

  public static final String HIT_END = "\uE001";

  private MessageSearchRules() {}

  /**
   * @return the query, stripped
   * @throws InvalidInputException when it is missing or blank, longer than {@value #MAX_QUERY} characters, or has no
   *     letter or digit to look for (e.g. only operators or quotes)
   */
  public static String checkQuery(String query) {
    if (query == null || query.isBlank()) {
      throw new InvalidInputException("Type what to search for.");
    }
    String q = query.strip();
    if (q.length() > MAX_QUERY) {
      throw new InvalidInputException(
          "The search is too long: " + q.length() + " characters, at most " + MAX_QUERY + ".");
    }
    if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new InvalidInputException("Search for words: type at least one letter or digit.");
    }
    return q;
  }

  /**
   * @return the page, 1 when it is missing
   * @throws InvalidInputException when it is not a whole number from 1 to {@value #MAX_PAGE}
   */
  public static int checkPage(String page) {
    if (page == null || page.isBlank()) {
      return 1;
    }
    int p;
    try {
      p = Integer.parseInt(page.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("The page must be a number from 1 to " + MAX_PAGE + ".");
    }
    if (p < 1 || p > MAX_PAGE) {
      throw new InvalidInputException("The page must be a number from 1 to " + MAX_PAGE + ".");
    }
    return p;
  }

  /** Text as the index gets it: without the two marker characters, so highlighting alone can put them in. */
  public static String searchableText(String text) {
    return text.replace(HIT_START, "").replace(HIT_END, "");
  }

  /**
   * One line of HTML from the highlighter's fragments: the text escaped, each marked term in {@code <mark>}, the
   * fragments joined by " … ". Falls back to {@code fallback} (plain text, escaped too) when there is none.
   */
  public static String snippetHtml(List<String> fragments, String fallback) {
    String text =
        fragments == null || fragments.isEmpty() ? (fallback == null ? "" : fallback) : String.join(" … ", fragments);
    StringBuilder out = new StringBuilder(text.length() + 32);
    StringBuilder plain = new StringBuilder();
    boolean open = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean start = c == HIT_START.charAt(0);
      if (!start && c != HIT_END.charAt(0)) {
        plain.append(c);
        continue;
      }
      out.append(MessageRules.escape(plain.toString()));
      plain.setLength(0);
      if (start != open) { // an unmatched marker changes nothing
        out.append(start ? "<mark>" : "</mark>");
        open = start;
      }
    }
    out.append(MessageRules.escape(plain.toString()));
    if (open) {
      out.append("</mark>");
    }
    return out.toString();
  }
}
