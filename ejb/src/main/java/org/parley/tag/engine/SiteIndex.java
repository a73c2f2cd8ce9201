package org.parley.tag.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.common.Page;
import org.parley.post.QuestionSort;
import org.parley.tag.TagCount;
import org.parley.tag.engine.DocSort.DocComparator;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * An immutable snapshot of one site's questions. Each question is a document, numbered 0, 1, 2, ... in order of
 * question number; its fields live in primitive arrays indexed by document, its tags in one compressed bitmap per
 * tag, and each order is kept twice: the live documents in that order, and each document's place in it. Readers use a
 * snapshot without locks; {@link #withChanges} makes the next one, sharing every array and bitmap it does not change.
 *
 * <p>A list is answered in two steps: the expression becomes a bitmap (and, or, and-not of the tags' bitmaps), then
 * the page is taken either by walking the order and keeping the documents in the bitmap (cheap when the bitmap holds
 * a large share), or by ranking the bitmap's documents and selecting the page's (cheap when it is small).
 */
final class SiteIndex {

  /** The orders kept; {@link QuestionSort#UNANSWERED} is {@link #NEWEST} over the unanswered questions. */
  enum Order {
    NEWEST,
    ACTIVE,
    VOTES,
    FREQUENT,
    HOT;

    static Order of(QuestionSort sort) {
      return switch (sort) {
        case NEWEST, UNANSWERED -> NEWEST;
        case ACTIVE -> ACTIVE;
        case VOTES -> VOTES;
        case FREQUENT -> FREQUENT;
        case HOT -> HOT;
      };
    }
  }

  static final long HOT_WINDOW_NANOS = Duration.ofDays(30).toNanos();

  private static final Order[] ORDERS = Order.values();
  private static final int DEAD = Integer.MAX_VALUE;
  private static final int[] NO_TAGS = new int[0];

  static final SiteIndex EMPTY = new Builder().build();

  private final int size;
  private final long[] numbers;
  private final long[] created;
  private final long[] activity;
  private final long[] rowVersions;
  private final int[] scores;
  private final int[] answers;
  /** The tags of document d are {@code tagData[tagOffsets[d] .. tagOffsets[d + 1])}. */
  private final int[] tagOffsets;

  private final int[] tagData;
  private final TagDictionary dictionary;
  /** Documents by tag id; a bitmap is never changed once a snapshot holds it. */
  private final RoaringBitmap[] byTag;

  private final RoaringBitmap live;
  private final RoaringBitmap unanswered;
  private final RoaringBitmap accepted;
  private final RoaringBitmap closed;
  /** Per order: the live documents in that order. */
  private final int[][] orders;
  /** Per order: each document's place in it ({@link #DEAD} for a deleted one). */
  private final int[][] ranks;

  private volatile RoaringBitmap hotWindow;
  private volatile TagOrders tagOrders;

  private SiteIndex(
      int size,
      long[] numbers,
      long[] created,
      long[] activity,
      long[] rowVersions,
      int[] scores,
      int[] answers,
      int[] tagOffsets,
      int[] tagData,
      TagDictionary dictionary,
      RoaringBitmap[] byTag,
      RoaringBitmap live,
      RoaringBitmap unanswered,
      RoaringBitmap accepted,
      RoaringBitmap closed,
      int[][] orders,
      int[][] ranks,
      TagOrders tagOrders) {
    this.size = size;
    this.numbers = numbers;
    this.created = created;
    this.activity = activity;
    this.rowVersions = rowVersions;
    this.scores = scores;
    this.answers = answers;
    this.tagOffsets = tagOffsets;
    this.tagData = tagData;
    this.dictionary = dictionary;
    this.byTag = byTag;
    this.live = live;
    this.unanswered = unanswered;
    this.accepted = accepted;
    this.closed = closed;
    this.orders = orders;
    this.ranks = ranks;
    this.tagOrders = tagOrders;
  }

  // ---------------------------------------------------------------------------------------------------- reading

  /** How many questions the index lists. */
  int questionCount() {
    return live.getCardinality();
  }

  /**
   * The documents an expression selects; the tags it names that this site has no question with are added to
   * {@code unknown}. The result is a new bitmap the caller may change.
   */
  RoaringBitmap select(TagExpression expression, List<String> unknown) {
    List<RoaringBitmap> required = new ArrayList<>();
    List<RoaringBitmap> excluded = new ArrayList<>();
    for (List<TagExpression.Term> group : expression.groups()) {
      if (group.size() == 1 && group.get(0).negated()) {
        RoaringBitmap docs = docsOf(group.get(0).tag(), unknown);
        if (docs != null) {
          excluded.add(docs);
        }
        continue;
      }
      RoaringBitmap union = new RoaringBitmap();
      for (TagExpression.Term term : group) {
        RoaringBitmap docs = docsOf(term.tag(), unknown);
        if (term.negated()) {
          union.or(docs == null ? live : RoaringBitmap.andNot(live, docs));
        } else if (docs != null) {
          union.or(docs);
        }
      }
      required.add(union);
    }
    RoaringBitmap result;
    if (required.isEmpty()) {
      result = live.clone();
    } else {
      required.sort(Comparator.comparingInt(RoaringBitmap::getCardinality));
      result = required.get(0);
      for (int i = 1; i < required.size() && !result.isEmpty(); i++) {
        result = RoaringBitmap.and(result, required.get(i));
      }
    }
    for (RoaringBitmap docs : excluded) {
      if (result.isEmpty()) {
        break;
      }
      result = RoaringBitmap.andNot(result, docs);
    }
    return result;
  }

  private RoaringBitmap docsOf(String tag, List<String> unknown) {
    int id = dictionary.id(tag);
    if (id < 0 || byTag[id].isEmpty()) {
      if (!unknown.contains(tag)) {
        unknown.add(tag);
      }
      return null;
    }
    return byTag[id];
  }

  /**
   * One page of the questions an expression selects, in {@code sort} order.
   *
   * @param page 1-based
   */
  IdPage questions(TagExpression expression, QuestionSort sort, int page, int pageSize, List<String> unknown) {
    RoaringBitmap docs = expression.isAll() ? live : select(expression, unknown);
    if (sort == QuestionSort.UNANSWERED) {
      docs = RoaringBitmap.and(docs, unanswered);
    } else if (sort == QuestionSort.HOT) {
      docs = RoaringBitmap.and(docs, hotWindow());
    }
    return page(docs, Order.of(sort), page, pageSize);
  }

  /** The page of {@code docs} in {@code order}. */
  IdPage page(RoaringBitmap docs, Order order, int page, int pageSize) {
    int total = docs.getCardinality();
    long from = (long) (page - 1) * pageSize;
    if (from >= total) {
      return new IdPage(List.of(), total);
    }
    int offset = (int) from;
    int need = (int) Math.min(total, from + pageSize);
    int[] inOrder = orders[order.ordinal()];
    int liveCount = inOrder.length;
    // Expected places walked to meet `need` members, against touching every member once (and a few more times to rank).
    long walk = (long) need * liveCount / Math.max(1, total);
    List<Long> result = new ArrayList<>(need - offset);
    if (docs == live || walk <= 3L * total) {
      int seen = 0;
      for (int i = 0; i < liveCount && seen < need; i++) {
        int doc = inOrder[i];
        if (docs == live || docs.contains(doc)) {
          if (seen++ >= offset) {
            result.add(numbers[doc]);
          }
        }
      }
    } else {
      int[] rank = ranks[order.ordinal()];
      int[] places = docs.toArray();
      for (int i = 0; i < places.length; i++) {
        places[i] = rank[places[i]];
      }
      DocSort.smallestSorted(places, places.length, need);
      for (int i = offset; i < need; i++) {
        result.add(numbers[inOrder[places[i]]]);
      }
    }
    return new IdPage(result, total);
  }

  /** The live documents active within {@link #HOT_WINDOW_NANOS} of the latest activity. */
  private RoaringBitmap hotWindow() {
    RoaringBitmap window = hotWindow;
    if (window == null) {
      int[] byActivity = orders[Order.ACTIVE.ordinal()];
      int n = 0;
      if (byActivity.length > 0) {
        long since = activity[byActivity[0]] - HOT_WINDOW_NANOS;
        while (n < byActivity.length && activity[byActivity[n]] >= since) {
          n++;
        }
      }
      int[] docs = Arrays.copyOf(byActivity, n);
      Arrays.sort(docs);
      window = RoaringBitmap.bitmapOf(docs);
      hotWindow = window;
    }
    return window;
  }

  /**
   * Tags of the site, most used first (then by name), only those on at least one question; with a non-empty
   * {@code prefix} only the names starting with it.
   */
  Page<TagCount> tags(String prefix, int page, int pageSize) {
    TagOrders t = tagOrders();
    int[] ids = prefix.isEmpty() ? t.popular : t.popularWithPrefix(prefix, dictionary);
    long from = (long) (page - 1) * pageSize;
    List<TagCount> items = new ArrayList<>();
    for (long i = from; i < Math.min(ids.length, from + pageSize); i++) {
      int id = ids[(int) i];
      items.add(new TagCount(dictionary.name(id), t.counts[id]));
    }
    return new Page<>(items, page, pageSize, ids.length);
  }

  /** The names of the {@code limit} most used tags starting with {@code prefix}. */
  List<String> complete(String prefix, int limit) {
    TagOrders t = tagOrders();
    int[] ids = t.popularWithPrefix(prefix, dictionary);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, ids.length); i++) {
      names.add(dictionary.name(ids[i]));
    }
    return names;
  }

  /**
   * The tags most often found on the questions an expression selects, besides those it names, with how many of
   * those questions carry each; most frequent first, then by name.
   */
  List<TagCount> related(TagExpression expression, int limit) {
    RoaringBitmap docs = expression.isAll() ? live : select(expression, new ArrayList<>());
    int[] counts = new int[dictionary.size()];
    IntIterator it = docs.getIntIterator();
    while (it.hasNext()) {
      int doc = it.next();
      for (int i = tagOffsets[doc]; i < tagOffsets[doc + 1]; i++) {
        counts[tagData[i]]++;
      }
    }
    for (String named : expression.tags()) {
      int id = dictionary.id(named);
      if (id >= 0) {
        counts[id] = 0;
      }
    }
    List<Integer> found = new ArrayList<>();
    for (int id = 0; id < counts.length; id++) {
      if (counts[id] > 0) {
        found.add(id);
      }
    }
    found.sort(
        Comparator.<Integer>comparingInt(id -> -counts[id]).thenComparing(id -> dictionary.name(id)));
    return found.stream()
        .limit(limit)
        .map(id -> new TagCount(dictionary.name(id), counts[id]))
        .toList();
  }

  private TagOrders tagOrders() {
    TagOrders t = tagOrders;
    if (t == null) {
      t = new TagOrders(dictionary, byTag);
      tagOrders = t;
    }
    return t;
  }

  /** The site's tags by use and by name; made on first need and kept while the tags' questions stay the same. */
  private static final class TagOrders {
    final int[] counts;
    /** Ids of the tags in use, most used first, then by name. */
    final int[] popular;
    /** Ids of all tags, by name. */
    final int[] byName;

    TagOrders(TagDictionary dictionary, RoaringBitmap[] byTag) {
      int n = dictionary.size();
      counts = new int[n];
      int used = 0;
      for (int id = 0; id < n; id++) {
        counts[id] = byTag[id].getCardinality();
        if (counts[id] > 0) {
          used++;
        }
      }
      int[] ids = new int[used];
      int[] all = new int[n];
      for (int id = 0, u = 0; id < n; id++) {
        all[id] = id;
        if (counts[id] > 0) {
          ids[u++] = id;
        }
      }
      DocSort.sort(ids, popularity(dictionary));
      popular = ids;
      DocSort.sort(all, (a, b) -> dictionary.name(a).compareTo(dictionary.name(b)));
      byName = all;
    }

    private DocComparator popularity(TagDictionary dictionary) {
      return (a, b) -> {
        int c = Integer.compare(counts[b], counts[a]);
        return c != 0 ? c : dictionary.name(a).compareTo(dictionary.name(b));
      };
    }

    int[] popularWithPrefix(String prefix, TagDictionary dictionary) {
      int lo = 0;
      int hi = byName.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (dictionary.name(byName[mid]).compareTo(prefix) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int[] ids = new int[16];
      int n = 0;
      for (int i = lo; i < byName.length && dictionary.name(byName[i]).startsWith(prefix); i++) {
        if (counts[byName[i]] > 0) {
          if (n == ids.length) {
            ids = Arrays.copyOf(ids, n * 2);
          }
          ids[n++] = byName[i];
        }
      }
      ids = Arrays.copyOf(ids, n);
      DocSort.sort(ids, popularity(dictionary));
      return ids;
    }
  }

  // ---------------------------------------------------------------------------------------------------- orders

  private DocComparator comparator(Order order) {
    return comparator(order, numbers, created, activity, scores, answers);
  }

  /** Descending by the order's keys, then by question number: a total order, the same as {@link SqlListing}'s. */
  private static DocComparator comparator(
      Order order, long[] numbers, long[] created, long[] activity, int[] scores, int[] answers) {
    return switch (order) {
      case NEWEST -> (a, b) -> {
        int c = Long.compare(created[b], created[a]);
        return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
      };
      case ACTIVE -> (a, b) -> {
        int c = Long.compare(activity[b], activity[a]);
        return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
      };
      case VOTES -> (a, b) -> {
        int c = Integer.compare(scores[b], scores[a]);
        if (c == 0) {
          c = Long.compare(created[b], created[a]);
        }
        return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
      };
      case FREQUENT -> (a, b) -> {
        int c = Integer.compare(answers[b], answers[a]);
        if (c == 0) {
          c = Integer.compare(scores[b], scores[a]);
        }
        return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
      };
      case HOT -> (a, b) -> {
        int c = Integer.compare(hotness(scores[b], answers[b]), hotness(scores[a], answers[a]));
        if (c == 0) {
          c = Long.compare(activity[b], activity[a]);
        }
        return c != 0 ? c : Long.compare(numbers[b], numbers[a]);
      };
    };
  }

  /** As {@link SqlListing#HOTNESS} computes it. */
  static int hotness(int score, int answers) {
    return score * 3 + answers * 4;
  }

  /** Whether a change of document fields moves it in {@code order}. */
  private static boolean keyChanged(Order order, SiteIndex old, int doc, QuestionRow row) {
    return switch (order) {
      case NEWEST -> old.created[doc] != row.createdNanos();
      case ACTIVE -> old.activity[doc] != row.activityNanos();
      case VOTES -> old.scores[doc] != row.score() || old.created[doc] != row.createdNanos();
      case FREQUENT -> old.answers[doc] != row.answerCount() || old.scores[doc] != row.score();
      case HOT -> old.scores[doc] != row.score()
          || old.answers[doc] != row.answerCount()
          || old.activity[doc] != row.activityNanos();
    };
  }

  // ---------------------------------------------------------------------------------------------------- changes

  /** The document of question {@code number}, or -1. */
  private int doc(long number) {
    int found = Arrays.binarySearch(numbers, 0, size, number);
    return found >= 0 ? found : -1;
  }

  /**
   * The next snapshot: {@code rows} as the database now holds them (a row no newer than the one indexed is skipped)
   * and the questions {@code gone} no longer listed. Returns this snapshot when nothing changes.
   */
  SiteIndex withChanges(Collection<QuestionRow> rows, Collection<Long> gone) {
    Map<Integer, QuestionRow> updates = new LinkedHashMap<>();
    Map<Long, QuestionRow> inserts = new HashMap<>();
    for (QuestionRow row : rows) {
      int doc = doc(row.number());
      if (doc >= 0) {
        QuestionRow other = updates.get(doc);
        boolean newer = other == null ? row.rowVersion() > rowVersions[doc] || !live.contains(doc)
            : row.rowVersion() > other.rowVersion();
        if (newer) {
          updates.put(doc, row);
        }
      } else {
        inserts.merge(row.number(), row, (a, b) -> a.rowVersion() >= b.rowVersion() ? a : b);
      }
    }
    List<Integer> deletes = new ArrayList<>();
    for (long number : gone) {
      int doc = doc(number);
      if (doc >= 0 && live.contains(doc) && !updates.containsKey(doc)) {
        deletes.add(doc);
      }
    }
    if (updates.isEmpty() && inserts.isEmpty() && deletes.isEmpty()) {
      return this;
    }
    List<QuestionRow> added = new ArrayList<>(inserts.values());
    added.sort(Comparator.comparingLong(QuestionRow::number));
    if (!added.isEmpty() && size > 0 && added.get(0).number() < numbers[size - 1]) {
      return rebuiltWith(updates, added, deletes);
    }
    return new Change(this, updates, added, deletes).apply();
  }

  /** A new question numbered below the highest: lay every document out again. */
  private SiteIndex rebuiltWith(Map<Integer, QuestionRow> updates, List<QuestionRow> added, List<Integer> deletes) {
    List<QuestionRow> all = new ArrayList<>(size + added.size());
    IntIterator it = live.getIntIterator();
    while (it.hasNext()) {
      int doc = it.next();
      if (!deletes.contains(doc)) {
        all.add(updates.containsKey(doc) ? updates.get(doc) : row(doc));
      }
    }
    for (Map.Entry<Integer, QuestionRow> e : updates.entrySet()) {
      if (!live.contains(e.getKey())) {
        all.add(e.getValue());
      }
    }
    all.addAll(added);
    all.sort(Comparator.comparingLong(QuestionRow::number));
    Builder builder = new Builder();
    all.forEach(builder::add);
    return builder.build();
  }

  /** Document {@code doc} as a row. */
  QuestionRow row(int doc) {
    StringBuilder tags = new StringBuilder("|");
    for (int i = tagOffsets[doc]; i < tagOffsets[doc + 1]; i++) {
      tags.append(dictionary.name(tagData[i])).append('|');
    }
    return new QuestionRow(
        numbers[doc],
        created[doc],
        activity[doc],
        scores[doc],
        answers[doc],
        accepted.contains(doc),
        closed.contains(doc),
        rowVersions[doc],
        tags.toString());
  }

  /** Splits {@code |java|jpa|} into names, keeping the first of a repeated one. */
  static List<String> splitTags(String tagNames) {
    List<String> names = new ArrayList<>(5);
    int start = 0;
    int n = tagNames.length();
    while (start < n) {
      int end = tagNames.indexOf('|', start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        String name = tagNames.substring(start, end);
        if (!names.contains(name)) {
          names.add(name);
        }
      }
      start = end + 1;
    }
    return names;
  }

  /** One batch of changes applied to a snapshot, copying only what they touch. */
  private static final class Change {
    private final SiteIndex old;
    private final Map<Integer, QuestionRow> updates;
    private final List<QuestionRow> added;
    private final List<Integer> deletes;
    private final int size;

    Change(SiteIndex old, Map<Integer, QuestionRow> updates, List<QuestionRow> added, List<Integer> deletes) {
      this.old = old;
      this.updates = updates;
      this.added = added;
      this.deletes = deletes;
      this.size = old.size + added.size();
    }

    SiteIndex apply() {
      boolean grows = !added.isEmpty();
      boolean revives = updates.keySet().stream().anyMatch(d -> !old.live.contains(d));
      boolean membership = grows || revives || !deletes.isEmpty();

      long[] numbers = grows ? Arrays.copyOf(old.numbers, size) : old.numbers;
      long[] created = copyIf(old.created, membership || updates.entrySet().stream()
          .anyMatch(e -> old.created[e.getKey()] != e.getValue().createdNanos()));
      long[] activity = copyIf(old.activity, membership || updates.entrySet().stream()
          .anyMatch(e -> old.activity[e.getKey()] != e.getValue().activityNanos()));
      long[] rowVersions = Arrays.copyOf(old.rowVersions, size);
      int[] scores = copyIf(old.scores, membership || updates.entrySet().stream()
          .anyMatch(e -> old.scores[e.getKey()] != e.getValue().score()));
      int[] answers = copyIf(old.answers, membership || updates.entrySet().stream()
          .anyMatch(e -> old.answers[e.getKey()] != e.getValue().answerCount()));

      Map<Integer, QuestionRow> written = new LinkedHashMap<>(updates);
      for (int i = 0; i < added.size(); i++) {
        written.put(old.size + i, added.get(i));
      }
      for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
        int d = e.getKey();
        QuestionRow row = e.getValue();
        numbers[d] = row.number();
        rowVersions[d] = row.rowVersion();
        if (created != old.created) {
          created[d] = row.createdNanos();
        }
        if (activity != old.activity) {
          activity[d] = row.activityNanos();
        }
        if (scores != old.scores) {
          scores[d] = row.score();
        }
        if (answers != old.answers) {
          answers[d] = row.answerCount();
        }
      }

      // Tags: the new tag ids of every document written or deleted.
      List<String> newNames = new ArrayList<>();
      for (QuestionRow row : written.values()) {
        for (String name : splitTags(row.tagNames())) {
          if (old.dictionary.id(name) < 0 && !newNames.contains(name)) {
            newNames.add(name);
          }
        }
      }
      TagDictionary dictionary = old.dictionary.with(newNames);
      Map<Integer, int[]> newTags = new HashMap<>();
      for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
        List<String> names = splitTags(e.getValue().tagNames());
        int[] ids = new int[names.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = dictionary.id(names.get(i));
        }
        newTags.put(e.getKey(), ids);
      }
      deletes.forEach(d -> newTags.put(d, NO_TAGS));

      RoaringBitmap[] byTag = Arrays.copyOf(old.byTag, dictionary.size());
      for (int id = old.byTag.length; id < byTag.length; id++) {
        byTag[id] = new RoaringBitmap();
      }
      Map<Integer, RoaringBitmap> copied = new HashMap<>();
      boolean tagsChanged = false;
      for (Map.Entry<Integer, int[]> e : newTags.entrySet()) {
        int d = e.getKey();
        int[] before = d < old.size ? Arrays.copyOfRange(old.tagData, old.tagOffsets[d], old.tagOffsets[d + 1]) : NO_TAGS;
        int[] after = e.getValue();
        if (Arrays.equals(before, after)) {
          continue;
        }
        tagsChanged = true;
        for (int id : before) {
          if (!contains(after, id)) {
            copied.computeIfAbsent(id, i -> byTag[i].clone()).remove(d);
          }
        }
        for (int id : after) {
          if (!contains(before, id)) {
            copied.computeIfAbsent(id, i -> byTag[i].clone()).add(d);
          }
        }
      }
      copied.forEach((id, docs) -> byTag[id] = docs);
      int[] tagOffsets = old.tagOffsets;
      int[] tagData = old.tagData;
      if (tagsChanged || grows) {
        tagOffsets = new int[size + 1];
        int total = old.tagData.length;
        for (Map.Entry<Integer, int[]> e : newTags.entrySet()) {
          int d = e.getKey();
          total += e.getValue().length - (d < old.size ? old.tagOffsets[d + 1] - old.tagOffsets[d] : 0);
        }
        tagData = new int[total];
        int at = 0;
        for (int d = 0; d < size; d++) {
          tagOffsets[d] = at;
          int[] ids = newTags.get(d);
          if (ids != null) {
            System.arraycopy(ids, 0, tagData, at, ids.length);
            at += ids.length;
          } else {
            int n = old.tagOffsets[d + 1] - old.tagOffsets[d];
            System.arraycopy(old.tagData, old.tagOffsets[d], tagData, at, n);
            at += n;
          }
        }
        tagOffsets[size] = at;
      }

      RoaringBitmap live = old.live;
      if (membership) {
        live = live.clone();
        for (int d : written.keySet()) {
          live.add(d);
        }
        for (int d : deletes) {
          live.remove(d);
        }
      }
      RoaringBitmap unanswered = flags(old.unanswered, written, deletes, row -> row.answerCount() == 0);
      RoaringBitmap acceptedFlags = flags(old.accepted, written, deletes, QuestionRow::accepted);
      RoaringBitmap closedFlags = flags(old.closed, written, deletes, QuestionRow::closed);

      int[][] orders = old.orders.clone();
      int[][] ranks = old.ranks.clone();
      int liveCount = live.getCardinality();
      for (Order order : ORDERS) {
        RoaringBitmap moved = new RoaringBitmap();
        for (Map.Entry<Integer, QuestionRow> e : updates.entrySet()) {
          int d = e.getKey();
          if (!old.live.contains(d) || keyChanged(order, old, d, e.getValue())) {
            moved.add(d);
          }
        }
        deletes.forEach(moved::add);
        for (int i = 0; i < added.size(); i++) {
          moved.add(old.size + i);
        }
        if (moved.isEmpty()) {
          continue;
        }
        DocComparator c = comparator(order, numbers, created, activity, scores, answers);
        int[] before = old.orders[order.ordinal()];
        int[] kept = new int[before.length];
        int k = 0;
        for (int d : before) {
          if (!moved.contains(d)) {
            kept[k++] = d;
          }
        }
        int[] placed = RoaringBitmap.and(moved, live).toArray();
        DocSort.sort(placed, c);
        int[] merged = DocSort.merge(kept, k, placed, c);
        if (merged.length != liveCount) {
          throw new IllegalStateException("Order " + order + " lost documents");
        }
        int[] rank = new int[size];
        Arrays.fill(rank, DEAD);
        for (int i = 0; i < merged.length; i++) {
          rank[merged[i]] = i;
        }
        orders[order.ordinal()] = merged;
        ranks[order.ordinal()] = rank;
      }
      for (int o = 0; o < ranks.length; o++) {
        if (ranks[o].length < size) {
          int[] rank = Arrays.copyOf(ranks[o], size);
          Arrays.fill(rank, old.size, size, DEAD);
          ranks[o] = rank;
        }
      }
      TagOrders tagOrders = tagsChanged || dictionary != old.dictionary ? null : old.tagOrders;
      return new SiteIndex(
          size, numbers, created, activity, rowVersions, scores, answers, tagOffsets, tagData, dictionary, byTag,
          live, unanswered, acceptedFlags, closedFlags, orders, ranks, tagOrders);
    }

    private long[] copyIf(long[] column, boolean changed) {
      return changed ? Arrays.copyOf(column, size) : column;
    }

    private int[] copyIf(int[] column, boolean changed) {
      return changed ? Arrays.copyOf(column, size) : column;
    }

    private static RoaringBitmap flags(
        RoaringBitmap before,
        Map<Integer, QuestionRow> written,
        List<Integer> deletes,
        java.util.function.Predicate<QuestionRow> flag) {
      RoaringBitmap after = null;
      for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
        boolean set = flag.test(e.getValue());
        if (set != before.contains(e.getKey())) {
          after = after == null ? before.clone() : after;
          if (set) {
            after.add(e.getKey());
          } else {
            after.remove(e.getKey());
          }
        }
      }
      for (int d : deletes) {
        if (before.contains(d)) {
          after = after == null ? before.clone() : after;
          after.remove(d);
        }
      }
      return after == null ? before : after;
    }

    private static boolean contains(int[] ids, int id) {
      for (int i : ids) {
        if (i == id) {
          return true;
        }
      }
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------------- size

  /** The heap this snapshot holds, estimated from its arrays and bitmaps (shared parts counted in full). */
  long estimatedBytes() {
    long bytes = 8L * (numbers.length + created.length + activity.length + rowVersions.length);
    bytes += 4L * (scores.length + answers.length + tagOffsets.length + tagData.length);
    for (int o = 0; o < orders.length; o++) {
      bytes += 4L * (orders[o].length + ranks[o].length);
    }
    for (RoaringBitmap docs : byTag) {
      bytes += docs.getLongSizeInBytes() + 16;
    }
    bytes += live.getLongSizeInBytes() + unanswered.getLongSizeInBytes() + accepted.getLongSizeInBytes()
        + closed.getLongSizeInBytes();
    return bytes + dictionary.estimatedBytes();
  }

  int tagCount() {
    return dictionary.size();
  }

  // ---------------------------------------------------------------------------------------------------- building

  /** Builds a snapshot from rows given in increasing question number. */
  static final class Builder {
    private int size;
    private long[] numbers = new long[1024];
    private long[] created = new long[1024];
    private long[] activity = new long[1024];
    private long[] rowVersions = new long[1024];
    private int[] scores = new int[1024];
    private int[] answers = new int[1024];
    private int[] tagOffsets = new int[1025];
    private int[] tagData = new int[4096];
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final RoaringBitmap unanswered = new RoaringBitmap();
    private final RoaringBitmap accepted = new RoaringBitmap();
    private final RoaringBitmap closed = new RoaringBitmap();

    /** @throws IllegalArgumentException unless {@code row} comes after every row added before */
    Builder add(QuestionRow row) {
      if (size > 0 && row.number() <= numbers[size - 1]) {
        throw new IllegalArgumentException("Rows must come in increasing number: " + row.number());
      }
      if (size == numbers.length) {
        int grown = size * 2;
        numbers = Arrays.copyOf(numbers, grown);
        created = Arrays.copyOf(created, grown);
        activity = Arrays.copyOf(activity, grown);
        rowVersions = Arrays.copyOf(rowVersions, grown);
        scores = Arrays.copyOf(scores, grown);
        answers = Arrays.copyOf(answers, grown);
        tagOffsets = Arrays.copyOf(tagOffsets, grown + 1);
      }
      int d = size++;
      numbers[d] = row.number();
      created[d] = row.createdNanos();
      activity[d] = row.activityNanos();
      rowVersions[d] = row.rowVersion();
      scores[d] = row.score();
      answers[d] = row.answerCount();
      if (row.answerCount() == 0) {
        unanswered.add(d);
      }
      if (row.accepted()) {
        accepted.add(d);
      }
      if (row.closed()) {
        closed.add(d);
      }
      int at = tagOffsets[d];
      for (String name : splitTags(row.tagNames())) {
        if (at == tagData.length) {
          tagData = Arrays.copyOf(tagData, tagData.length * 2);
        }
        tagData[at++] = ids.computeIfAbsent(name, n -> {
          names.add(n);
          return names.size() - 1;
        });
      }
      tagOffsets[d + 1] = at;
      return this;
    }

    SiteIndex build() {
      int n = size;
      int tagCount = names.size();
      int[] postings = new int[tagCount + 1];
      int total = tagOffsets[n];
      for (int i = 0; i < total; i++) {
        postings[tagData[i] + 1]++;
      }
      for (int t = 0; t < tagCount; t++) {
        postings[t + 1] += postings[t];
      }
      int[] docs = new int[total];
      int[] fill = Arrays.copyOf(postings, tagCount);
      for (int d = 0; d < n; d++) {
        for (int i = tagOffsets[d]; i < tagOffsets[d + 1]; i++) {
          docs[fill[tagData[i]]++] = d;
        }
      }
      RoaringBitmap[] byTag = new RoaringBitmap[tagCount];
      for (int t = 0; t < tagCount; t++) {
        RoaringBitmap bitmap = new RoaringBitmap();
        bitmap.addN(docs, postings[t], postings[t + 1] - postings[t]);
        bitmap.runOptimize();
        bitmap.trim();
        byTag[t] = bitmap;
      }
      RoaringBitmap live = new RoaringBitmap();
      live.add(0L, (long) n);
      long[] numbersOut = Arrays.copyOf(numbers, n);
      long[] createdOut = Arrays.copyOf(created, n);
      long[] activityOut = Arrays.copyOf(activity, n);
      int[] scoresOut = Arrays.copyOf(scores, n);
      int[] answersOut = Arrays.copyOf(answers, n);
      int[][] orders = new int[ORDERS.length][];
      int[][] ranks = new int[ORDERS.length][];
      for (Order order : ORDERS) {
        int[] sorted = new int[n];
        for (int d = 0; d < n; d++) {
          sorted[d] = d;
        }
        DocSort.sort(sorted, comparator(order, numbersOut, createdOut, activityOut, scoresOut, answersOut));
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
          rank[sorted[i]] = i;
        }
        orders[order.ordinal()] = sorted;
        ranks[order.ordinal()] = rank;
      }
      for (RoaringBitmap flags : List.of(unanswered, accepted, closed)) {
        flags.runOptimize();
        flags.trim();
      }
      return new SiteIndex(
          n,
          numbersOut,
          createdOut,
          activityOut,
          Arrays.copyOf(rowVersions, n),
          scoresOut,
          answersOut,
          Arrays.copyOf(tagOffsets, n + 1),
          Arrays.copyOf(tagData, total),
          TagDictionary.of(names),
          byTag,
          live,
          unanswered,
          accepted,
          closed,
          orders,
          ranks,
          null);
    }
  }
}
