package org.parley.tag;

import jakarta.ejb.Stateless;
import java.util.List;
import org.parley.common.Page;

/** The tag list, tag auto-completion and parsing of typed tags. */
@Stateless
public class TagService {

  /**
   * Tags of a site, most used first (then by name), optionally only those starting with {@code prefix}. A page
   * below 1 is read as 1 and the page size is kept within 1..100; a null or blank prefix means all tags, and a
   * prefix with characters no tag can contain gives an empty page.
   */
  public Page<TagCount> list(long siteId, String prefix, int page, int pageSize) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Names of the most used tags starting with {@code prefix}, for auto-completion; at most {@code limit} (kept
   * within 1..50). A null or blank prefix, or one no tag can start with, gives an empty list.
   */
  public List<String> complete(long siteId, String prefix, int limit) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Splits what a user typed into tag names: separators are white space, commas and a {@code +} followed by
   * another tag (so {@code "java+jpa"} is two tags but {@code "c++"} is one). Names are lower-cased and
   * de-duplicated in order of first appearance. Does not limit how many tags there are; {@code null} or blank
   * input gives an empty list.
   *
   * @throws org.parley.rules.InvalidInputException naming the first tag that is longer than 35 characters or has a
   *     character outside {@code [a-z0-9+#.-]}
   */
  public static List<String> parse(String input) {
    throw new UnsupportedOperationException("not yet");
  }
}
