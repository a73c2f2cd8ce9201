package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpDates;
import org.parley.dump.DumpRow;

/**
 * Writes one chunk of one file's rows with JDBC batches in the caller's transaction, counting each row as imported or
 * skipped (with its reason) in a {@link Tally}. Subclasses map one file; this class holds the lookups they share.
 */
abstract class RowImporter {

  /** A row that cannot be imported, with the reason it is counted under. */
  static final class Skip extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skip(String reason) {
      super(reason, null, false, false);
    }
  }

  protected final ImportContext ctx;

  RowImporter(ImportContext ctx) {
    this.ctx = ctx;
  }

  abstract void write(Connection c, List<DumpRow> rows, Tally tally) throws SQLException;

  /** The row's Id, which every file has. */
  static long id(DumpRow row) {
    return requiredLong(row, "Id");
  }

  static long requiredLong(DumpRow row, String name) {
    String v = row.get(name);
    if (v == null || v.isBlank()) {
      throw new Skip("missing " + name);
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new Skip("malformed " + name);
    }
  }

  static Long optionalLong(DumpRow row, String name) {
    String v = row.get(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new Skip("malformed " + name);
    }
  }

  static int intOr(DumpRow row, String name, int otherwise) {
    Long v = optionalLong(row, name);
    return v == null ? otherwise : v.intValue();
  }

  /**
   * A date attribute; null when absent. A value that export would not write back the same way (e.g. a date-only vote
   * date) is also kept verbatim in {@code extras}, which export prefers.
   */
  static Instant date(DumpRow row, String name, Map<String, String> extras) {
    String v = row.get(name);
    if (v == null) {
      return null;
    }
    Instant parsed;
    try {
      parsed = DumpDates.parse(v);
    } catch (IllegalArgumentException e) {
      throw new Skip("malformed " + name);
    }
    if (parsed != null && !v.equals(DumpDates.format(parsed))) {
      extras.put(name, v);
    }
    return parsed;
  }

  /** The attributes of {@code row} other than {@code mapped}, in file order. */
  static Map<String, String> rest(DumpRow row, Set<String> mapped) {
    Map<String, String> extras = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : row.attributes().entrySet()) {
      if (!mapped.contains(e.getKey())) {
        extras.put(e.getKey(), e.getValue());
      }
    }
    return extras;
  }

  /** Which of {@code keys} the query ({@code ... where site_id = ? and KEY in (%s)}) finds. */
  static Set<Long> existing(Connection c, String sqlWithIn, long siteId, Collection<Long> keys) throws SQLException {
    Set<Long> found = new HashSet<>();
    for (List<Long> part : parts(keys)) {
      try (PreparedStatement st = c.prepareStatement(String.format(sqlWithIn, placeholders(part.size())))) {
        st.setLong(1, siteId);
        int i = 2;
        for (Long k : part) {
          st.setLong(i++, k);
        }
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            found.add(rs.getLong(1));
          }
        }
      }
    }
    return found;
  }

  /** key -> value for the query ({@code select KEY, VALUE ... where site_id = ? and KEY in (%s)}). */
  static Map<Long, Long> lookup(Connection c, String sqlWithIn, long siteId, Collection<Long> keys)
      throws SQLException {
    Map<Long, Long> found = new HashMap<>();
    for (List<Long> part : parts(keys)) {
      try (PreparedStatement st = c.prepareStatement(String.format(sqlWithIn, placeholders(part.size())))) {
        st.setLong(1, siteId);
        int i = 2;
        for (Long k : part) {
          st.setLong(i++, k);
        }
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            found.put(rs.getLong(1), rs.getLong(2));
          }
        }
      }
    }
    return found;
  }

  /** The post numbers of {@code numbers} that exist on the site, as questions, answers or other dump posts. */
  Set<Long> existingPosts(Connection c, Collection<Long> numbers) throws SQLException {
    Set<Long> found =
        existing(c, "select number from post where site_id = ? and number in (%s)", ctx.siteId(), numbers);
    if (found.size() < new HashSet<>(numbers).size()) {
      found.addAll(
          existing(c, "select number from dump_post where site_id = ? and number in (%s)", ctx.siteId(), numbers));
    }
    return found;
  }

  /** user number -> user id for the users of {@code numbers} that exist on the site. */
  Map<Long, Long> userIds(Connection c, Collection<Long> numbers) throws SQLException {
    return lookup(
        c, "select number, id from parley_user where site_id = ? and number in (%s)", ctx.siteId(), numbers);
  }

  private static List<List<Long>> parts(Collection<Long> keys) {
    List<Long> all = new ArrayList<>(new HashSet<>(keys));
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 500) {
      out.add(all.subList(i, Math.min(all.size(), i + 500)));
    }
    return out;
  }

  private static String placeholders(int n) {
    StringBuilder b = new StringBuilder(n * 2);
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "?" : ",?");
    }
    return b.toString();
  }

  static void setLong(PreparedStatement st, int i, Long v) throws SQLException {
    if (v == null) {
      st.setNull(i, Types.BIGINT);
    } else {
      st.setLong(i, v);
    }
  }

  static void setInstant(PreparedStatement st, int i, Instant v) throws SQLException {
    if (v == null) {
      st.setNull(i, Types.TIMESTAMP);
    } else {
      // Instants are "timestamp with time zone" columns (Hibernate's TIMESTAMP_UTC); an offset value needs no JVM zone.
      st.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
    }
  }

  static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
