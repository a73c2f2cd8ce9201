package org.parley.listing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * A tag expression evaluated against one snapshot, apart from the snapshot because most of what a list costs is here.
 * An expression of positive terms (AND of ORs) and excluded tags is answered without making the bitmap of the whole
 * result when it can: the total from cardinalities of two bitmaps, the page by walking a run (or the merged runs of an
 * OR group) and probing the other bitmaps. Any other expression, and any shape those shortcuts do not fit, goes
 * through {@link #select}.
 */
final class TagTerms {

    /**
     * A walk of an order (or run) costs about this many times less per place than ranking a member does (sequential
     * reads and a bitmap probe, against a random read of the rank array and a share of a selection).
     */
    private static final int WALK_ADVANTAGE = 4;

    private final SiteIndex index;
    // Read for every document probed or listed, so held here rather than reached through the snapshot's records.
    private final RoaringBitmap[] docsByTag;
    private final long[] numbers;
    private final TagExpression expression;
    private final List<String> unknown;
    /** Per AND group: the tag ids of its OR terms (known tags only, never empty). */
    private final int[][] groups;

    private final int[] excluded;

    private TagTerms(SiteIndex index, TagExpression expression, List<String> unknown, int[][] groups, int[] excluded) {
        this.index = index;
        this.docsByTag = index.tagging.byTag();
        this.numbers = index.columns.numbers();
        this.expression = expression;
        this.unknown = unknown;
        this.groups = groups;
        this.excluded = excluded;
    }

    /** Null when a group ORs a negated term (then {@link #select} answers), or names only unknown tags. */
    static TagTerms of(TagExpression expression, SiteIndex index, List<String> unknown) {
        List<List<TagExpression.Term>> all = expression.groups();
        int[][] groups = new int[all.size()][];
        int[] excluded = new int[all.size()];
        int g = 0;
        int x = 0;
        boolean empty = false;
        for (List<TagExpression.Term> group : all) {
            if (group.size() == 1 && group.get(0).negated()) {
                RoaringBitmap docs = docsOf(index, group.get(0).tag(), unknown);
                if (docs != null) {
                    excluded[x++] = index.tagging.dictionary().id(group.get(0).tag());
                }
                continue;
            }
            int[] ids = new int[group.size()];
            int n = 0;
            for (TagExpression.Term term : group) {
                if (term.negated()) {
                    return null;
                }
                if (docsOf(index, term.tag(), unknown) != null) {
                    ids[n++] = index.tagging.dictionary().id(term.tag());
                }
            }
            if (n == 0) {
                empty = true;
            }
            groups[g++] = n == ids.length ? ids : Arrays.copyOf(ids, n);
        }
        if (g == 0 || empty) {
            return null;
        }
        return new TagTerms(index, expression, unknown, Arrays.copyOf(groups, g), Arrays.copyOf(excluded, x));
    }

    private RoaringBitmap docs(int tag) {
        return docsByTag[tag];
    }

    /** The number of documents selected, from at most two bitmaps' cardinalities; -1 for other shapes. */
    private int cheapTotal() {
        if (groups.length == 1 && groups[0].length == 1 && excluded.length == 0) {
            return docs(groups[0][0]).getCardinality();
        }
        if (groups.length == 1 && groups[0].length == 1 && excluded.length == 1) {
            return RoaringBitmap.andNotCardinality(docs(groups[0][0]), docs(excluded[0]));
        }
        if (groups.length == 2 && groups[0].length == 1 && groups[1].length == 1 && excluded.length == 0) {
            return RoaringBitmap.andCardinality(docs(groups[0][0]), docs(groups[1][0]));
        }
        if (groups.length == 1 && groups[0].length == 2 && excluded.length == 0) {
            return RoaringBitmap.orCardinality(docs(groups[0][0]), docs(groups[0][1]));
        }
        return -1;
    }

    IdPage page(Order order, RoaringBitmap filter, int page, int pageSize) {
        int total = filter == null ? cheapTotal() : -1;
        RoaringBitmap selected = null;
        if (total < 0) {
            selected = select(index, expression, unknown);
            if (filter != null) {
                selected = RoaringBitmap.and(selected, filter);
            }
            total = selected.getCardinality();
        }
        long from = (long) (page - 1) * pageSize;
        if (from >= total) {
            return new IdPage(List.of(), total);
        }
        int need = (int) Math.min(total, from + pageSize);
        // The cheapest walk: the whole order, or the runs of one group, expected to meet `need` members after
        // (length walked) × need / total places.
        int[][] byTag = index.orderings.runs()[order.ordinal()];
        int walkGroup = -1;
        long walked = index.orderings.orders()[order.ordinal()].length;
        for (int g = 0; byTag != null && g < groups.length; g++) {
            long length = 0;
            for (int tag : groups[g]) {
                int[] run = tag < byTag.length ? byTag[tag] : null;
                if (run == null) {
                    length = -1;
                    break;
                }
                length += run.length;
            }
            if (length >= 0 && length < walked) {
                walked = length;
                walkGroup = g;
            }
        }
        long walkCost = walked * need / Math.max(1, total);
        if (walkCost > (long) WALK_ADVANTAGE * total) {
            if (selected == null) {
                selected = select(index, expression, unknown);
            }
            return index.page(selected, order, page, pageSize);
        }
        int offset = (int) from;
        List<Long> result = new ArrayList<>(need - offset);
        RoaringBitmap members = selected;
        if (walkGroup < 0) {
            int[] inOrder = index.orderings.orders()[order.ordinal()];
            int seen = 0;
            for (int i = 0; i < inOrder.length && seen < need; i++) {
                int doc = inOrder[i];
                if (members != null ? members.contains(doc) : selects(doc, -1, filter)) {
                    if (seen++ >= offset) {
                        result.add(numbers[doc]);
                    }
                }
            }
        } else {
            int[] tags = groups[walkGroup];
            if (tags.length == 1) {
                int[] run = byTag[tags[0]];
                int seen = 0;
                for (int i = 0; i < run.length && seen < need; i++) {
                    int doc = run[i];
                    if (members != null ? members.contains(doc) : selects(doc, walkGroup, filter)) {
                        if (seen++ >= offset) {
                            result.add(numbers[doc]);
                        }
                    }
                }
            } else {
                walkMerged(
                        tags,
                        byTag,
                        index.orderings.ranks()[order.ordinal()],
                        members,
                        walkGroup,
                        filter,
                        offset,
                        need,
                        result);
            }
        }
        return new IdPage(result, total);
    }

    /** Walks the runs of an OR group merged by place in the order, each document once. */
    private void walkMerged(
            int[] tags,
            int[][] byTag,
            int[] rank,
            RoaringBitmap members,
            int walkGroup,
            RoaringBitmap filter,
            int offset,
            int need,
            List<Long> result) {
        int k = tags.length;
        int[] at = new int[k];
        int seen = 0;
        while (seen < need) {
            int best = -1;
            int bestRank = Integer.MAX_VALUE;
            for (int r = 0; r < k; r++) {
                int[] run = byTag[tags[r]];
                if (at[r] < run.length) {
                    int place = rank[run[at[r]]];
                    if (place < bestRank) {
                        bestRank = place;
                        best = r;
                    }
                }
            }
            if (best < 0) {
                return;
            }
            int doc = byTag[tags[best]][at[best]];
            for (int r = 0; r < k; r++) {
                int[] run = byTag[tags[r]];
                if (at[r] < run.length && run[at[r]] == doc) {
                    at[r]++;
                }
            }
            if (members != null ? members.contains(doc) : selects(doc, walkGroup, filter)) {
                if (seen++ >= offset) {
                    result.add(numbers[doc]);
                }
            }
        }
    }

    /** Whether the expression selects {@code doc}, not testing group {@code skip} (the one walked). */
    private boolean selects(int doc, int skip, RoaringBitmap filter) {
        if (filter != null && !filter.contains(doc)) {
            return false;
        }
        for (int g = 0; g < groups.length; g++) {
            if (g == skip) {
                continue;
            }
            boolean any = false;
            for (int tag : groups[g]) {
                if (docs(tag).contains(doc)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        for (int tag : excluded) {
            if (docs(tag).contains(doc)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The documents an expression selects; the tags it names that this site has no question with are added to
     * {@code unknown}. The result is a new bitmap the caller may change.
     */
    static RoaringBitmap select(SiteIndex index, TagExpression expression, List<String> unknown) {
        List<RoaringBitmap> required = new ArrayList<>();
        List<RoaringBitmap> excluded = new ArrayList<>();
        for (List<TagExpression.Term> group : expression.groups()) {
            if (group.size() == 1 && group.get(0).negated()) {
                RoaringBitmap docs = docsOf(index, group.get(0).tag(), unknown);
                if (docs != null) {
                    excluded.add(docs);
                }
                continue;
            }
            RoaringBitmap union = new RoaringBitmap();
            for (TagExpression.Term term : group) {
                RoaringBitmap docs = docsOf(index, term.tag(), unknown);
                if (term.negated()) {
                    union.or(docs == null ? index.flags.live() : RoaringBitmap.andNot(index.flags.live(), docs));
                } else if (docs != null) {
                    union.or(docs);
                }
            }
            required.add(union);
        }
        RoaringBitmap result;
        if (required.isEmpty()) {
            result = index.flags.live().clone();
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

    private static RoaringBitmap docsOf(SiteIndex index, String tag, List<String> unknown) {
        int id = index.tagging.dictionary().id(tag);
        RoaringBitmap[] byTag = index.tagging.byTag();
        if (id < 0 || byTag[id].isEmpty()) {
            if (!unknown.contains(tag)) {
                unknown.add(tag);
            }
            return null;
        }
        return byTag[id];
    }
}
