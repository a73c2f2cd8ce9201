package org.parley.tag.engine;

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
   * Leaves the {@code k} smallest of the distinct values {@code a[0..length)} in {@code a[0..k)}, sorted: a
   * quickselect, then a sort of those {@code k} only.
   */
  static void smallestSorted(int[] a, int length, int k) {
    if (k <= 0) {
      return;
    }
    if (k < length) {
      int lo = 0;
      int hi = length - 1;
      int target = k - 1;
      while (hi > lo) {
        int mid = (lo + hi) >>> 1;
        int pivot = median(a[lo], a[mid], a[hi]);
        int i = lo;
        int j = hi;
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
          hi = j;
        } else if (target >= i) {
          lo = i;
        } else {
          break;
        }
      }
    }
    java.util.Arrays.sort(a, 0, Math.min(k, length));
  }

  private static int median(int x, int y, int z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}
