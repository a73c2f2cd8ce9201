package org.parley.listing;

import java.util.Arrays;
import org.parley.listing.DocSort.DocComparator;
import org.roaringbitmap.RoaringBitmap;

/**
 * A site's tags by use and by name, for the tag list and auto-completion. Making it counts every tag and sorts them
 * twice, so a snapshot makes it on first need, and the next snapshot keeps it while no question's tags change.
 */
final class TagOrders {
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
