package org.parley.tag;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.parley.common.Page;
import org.parley.common.Paging;

/** The tag list, tag auto-completion and parsing of typed tags. */
@Stateless
public class TagService {

  /** White space, commas, and a {@code +} that starts another tag (not the tail of {@code c++}). */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+|\\+(?=[^\\s,+])");

  private static final int MAX_COMPLETIONS = 50;

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  /**
   * Tags of a site, most used first (then by name), optionally only those starting with {@code prefix}. A page
   * below 1 is read as 1 and the page size is kept within 1..100; a null or blank prefix means all tags, and a
   * prefix with characters no tag can contain gives an empty page.
   */
  public Page<TagCount> list(long siteId, String prefix, int page, int pageSize) {
    int p = Paging.page(page);
    int size = Paging.pageSize(pageSize);
    String normalized = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
    if (normalized.isEmpty()) {
      List<TagCount> items =
          em.createNamedQuery("Tag.listBySite", Tag.class)
              .setParameter("site", siteId)
              .setFirstResult(Page.firstResult(p, size))
              .setMaxResults(size)
              .getResultStream()
              .map(Tag::toCount)
              .toList();
      long total =
          em.createNamedQuery("Tag.countBySite", Long.class).setParameter("site", siteId).getSingleResult();
      return new Page<>(items, p, size, total);
    }
    if (!Tag.isValidName(normalized)) {
      return Page.empty(p, size);
    }
    String like = likePrefix(normalized);
    List<TagCount> items =
        em.createNamedQuery("Tag.listBySiteAndPrefix", Tag.class)
            .setParameter("site", siteId)
            .setParameter("prefix", like)
            .setFirstResult(Page.firstResult(p, size))
            .setMaxResults(size)
            .getResultStream()
            .map(Tag::toCount)
            .toList();
    long total =
        em.createNamedQuery("Tag.countBySiteAndPrefix", Long.class)
            .setParameter("site", siteId)
            .setParameter("prefix", like)
            .getSingleResult();
    return new Page<>(items, p, size, total);
  }

  /**
   * Names of the most used tags starting with {@code prefix}, for auto-completion; at most {@code limit} (kept
   * within 1..50). A null or blank prefix, or one no tag can start with, gives an empty list.
   */
  public List<String> complete(long siteId, String prefix, int limit) {
    String normalized = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
    if (normalized.isEmpty() || !Tag.isValidName(normalized)) {
      return List.of();
    }
    return em.createNamedQuery("Tag.listBySiteAndPrefix", Tag.class)
        .setParameter("site", siteId)
        .setParameter("prefix", likePrefix(normalized))
        .setMaxResults(Math.min(MAX_COMPLETIONS, Math.max(1, limit)))
        .getResultStream()
        .map(Tag::getName)
        .toList();
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
    if (input == null || input.isBlank()) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (String token : SEPARATORS.split(input.strip().toLowerCase(Locale.ROOT))) {
      if (!token.isEmpty()) {
        names.add(Tag.checkName(token));
      }
    }
    return new ArrayList<>(names);
  }

  /** A LIKE pattern for names starting with {@code prefix}; {@code !} escapes the wildcards a name cannot hold. */
  private static String likePrefix(String prefix) {
    return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
