package org.parley.listing;

/** Sorting and selecting over primitive {@code int} arrays, without boxing. */
final class DocSort {

    /** Compares two documents of one index; negative when {@code a} comes first. */
    @FunctionalInterface
    interface DocComparator {
        int compare(int a, int b);
    }

    private static final int INSERTION = 7;

    private DocSort() {}

    /** Sorts {@code a} stably by {@code c}: a merge sort, O(n log n) comparisons. */
    static void sort(int[] a, DocComparator c) {
        if (a.length > 1) {
            mergeSort(a.clone(), a, 0, a.length, c);
        }
    }

    /** Sorts {@code src} (which {@code dest} equals on [low, high)) into {@code dest}; roles swap on each level. */
    private static void mergeSort(int[] src, int[] dest, int low, int high, DocComparator c) {
        int length = high - low;
        if (length < INSERTION) {
            for (int i = low; i < high; i++) {
                for (int j = i; j > low && c.compare(dest[j - 1], dest[j]) > 0; j--) {
                    int t = dest[j];
                    dest[j] = dest[j - 1];
                    dest[j - 1] = t;
                }
            }
            return;
        }
        int mid = (low + high) >>> 1;
        mergeSort(dest, src, low, mid, c);
        mergeSort(dest, src, mid, high, c);
        if (c.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, low, dest, low, length);
            return;
        }
        for (int i = low, p = low, q = mid; i < high; i++) {
            if (q >= high || p < mid && c.compare(src[p], src[q]) <= 0) {
                dest[i] = src[p++];
            } else {
                dest[i] = src[q++];
            }
        }
    }

    /** Merges two arrays each sorted by {@code c} into one. */
    static int[] merge(int[] a, int aLength, int[] b, DocComparator c) {
        int[] out = new int[aLength + b.length];
        int i = 0;
        int p = 0;
        int q = 0;
        while (p < aLength && q < b.length) {
            out[i++] = c.compare(a[p], b[q]) <= 0 ? a[p++] : b[q++];
        }
        while (p < aLength) {
            out[i++] = a[p++];
        }
        while (q < b.length) {
            out[i++] = b[q++];
        }
        return out;
    }

    /**
     * Leaves the values that would be at places {@code [from, to)} if {@code a[0..length)} (distinct values) were
     * sorted in {@code a[from..to)}, sorted; the rest of the array is left in some order. Two quickselects and a sort
     * of the slice only: a deep page costs about one pass over the values, not a sort of every value before it.
     */
    static void sliceSorted(int[] a, int length, int from, int to) {
        to = Math.min(to, length);
        if (from >= to) {
            return;
        }
        if (from > 0) {
            partition(a, 0, length, from);
        }
        if (to < length) {
            partition(a, from, length, to);
        }
        java.util.Arrays.sort(a, from, to);
    }

    /**
     * Reorders {@code a[lo..hi)} so that its {@code k - lo} smallest values (distinct) are in {@code a[lo..k)}, in
     * some order: a quickselect with a median-of-three pivot.
     */
    private static void partition(int[] a, int lo, int hi, int k) {
        int left = lo;
        int right = hi - 1;
        int target = k - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            int pivot = median(a[left], a[mid], a[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (target <= j) {
                right = j;
            } else if (target >= i) {
                left = i;
            } else {
                break;
            }
        }
    }

    private static int median(int x, int y, int z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
