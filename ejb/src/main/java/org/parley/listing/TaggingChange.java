package org.parley.listing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * Which document carries which tag, after a batch of changes: new names added to the dictionary, the bitmaps of the
 * tags a document gained or lost copied and changed, and the per-document tag lists laid out anew when they must be.
 * Apart from {@link SiteIndexChange} because the other steps need only its results: the documents retagged and their
 * tags after the batch, which decide the runs to remake and whether the tag list's orders still hold.
 */
final class TaggingChange {

    private static final int[] NO_TAGS = new int[0];

    private final SiteIndex old;
    /** The documents after the batch, live or deleted. */
    private final int size;
    /** The tag ids of every document written or deleted, as they are after the batch (none for a deleted one). */
    private final Map<Integer, int[]> tagsAfter;
    /** The documents whose tags the batch changes, deleted ones included. */
    private final RoaringBitmap retagged;

    private final SiteIndex.Tagging tagging;

    /**
     * @param written every document given a row, the added ones at their new documents
     * @param deletes the documents no longer listed
     */
    TaggingChange(SiteIndex old, int size, Map<Integer, QuestionRow> written, List<Integer> deletes) {
        this.old = old;
        this.size = size;
        TagDictionary dictionary = old.tagging.dictionary().with(namesNewToSite(written));
        this.tagsAfter = tagIdsAfter(dictionary, written, deletes);
        this.retagged = documentsRetagged();
        this.tagging = changedTagging(dictionary);
    }

    SiteIndex.Tagging tagging() {
        return tagging;
    }

    Map<Integer, int[]> tagsAfter() {
        return tagsAfter;
    }

    RoaringBitmap retagged() {
        return retagged;
    }

    /** Whether every document keeps its tags and the site gets no new tag name. */
    boolean changesNoTags() {
        return retagged.isEmpty() && tagging.dictionary() == old.tagging.dictionary();
    }

    /** The written rows' tag names that the site has no id for yet, in order of first appearance. */
    private List<String> namesNewToSite(Map<Integer, QuestionRow> written) {
        List<String> newNames = new ArrayList<>();
        for (QuestionRow row : written.values()) {
            for (String name : SiteIndex.splitTags(row.tagNames())) {
                if (old.tagging.dictionary().id(name) < 0 && !newNames.contains(name)) {
                    newNames.add(name);
                }
            }
        }
        return newNames;
    }

    /** The tag ids of every document written or deleted, as they are after the batch (none for a deleted one). */
    private static Map<Integer, int[]> tagIdsAfter(
            TagDictionary dictionary, Map<Integer, QuestionRow> written, List<Integer> deletes) {
        Map<Integer, int[]> newTags = new HashMap<>();
        for (Map.Entry<Integer, QuestionRow> e : written.entrySet()) {
            List<String> names = SiteIndex.splitTags(e.getValue().tagNames());
            int[] ids = new int[names.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = dictionary.id(names.get(i));
            }
            newTags.put(e.getKey(), ids);
        }
        deletes.forEach(d -> newTags.put(d, NO_TAGS));
        return newTags;
    }

    /** The tag ids of document {@code d} before the batch (none for an added one). */
    private int[] tagsBefore(int d) {
        SiteIndex.Tagging before = old.tagging;
        return d < old.columns.size()
                ? Arrays.copyOfRange(before.data(), before.offsets()[d], before.offsets()[d + 1])
                : NO_TAGS;
    }

    /** The documents whose tags the batch changes, deleted ones included. */
    private RoaringBitmap documentsRetagged() {
        RoaringBitmap retagged = new RoaringBitmap();
        tagsAfter.forEach((d, after) -> {
            if (!Arrays.equals(tagsBefore(d), after)) {
                retagged.add(d);
            }
        });
        return retagged;
    }

    /**
     * The tagging after the batch. The per-document tag lists are laid out anew only when some document's tags
     * changed or documents were added; otherwise they are shared.
     */
    private SiteIndex.Tagging changedTagging(TagDictionary dictionary) {
        RoaringBitmap[] byTag = changedBitmaps(dictionary.size());
        if (retagged.isEmpty() && size == old.columns.size()) {
            return new SiteIndex.Tagging(old.tagging.offsets(), old.tagging.data(), dictionary, byTag);
        }
        return relaidOut(dictionary, byTag);
    }

    /**
     * The tag bitmaps with each retagged document taken out of the tags it lost and put in those it gained; a bitmap
     * changed is a copy, the others are shared, and a tag new to the site starts empty.
     */
    private RoaringBitmap[] changedBitmaps(int tagCount) {
        RoaringBitmap[] byTag = Arrays.copyOf(old.tagging.byTag(), tagCount);
        for (int id = old.tagging.byTag().length; id < byTag.length; id++) {
            byTag[id] = new RoaringBitmap();
        }
        Map<Integer, RoaringBitmap> copied = new HashMap<>();
        for (Map.Entry<Integer, int[]> e : tagsAfter.entrySet()) {
            int d = e.getKey();
            if (!retagged.contains(d)) {
                continue;
            }
            int[] before = tagsBefore(d);
            int[] after = e.getValue();
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
        copied.forEach((id, docs) -> byTag[id] = Postings.denseAsBitsets(docs));
        return byTag;
    }

    /**
     * The tagging with every document's tag ids laid out anew: runs of untouched documents are copied whole, their
     * offsets shifted, and the documents written or deleted get their new tags.
     */
    private SiteIndex.Tagging relaidOut(TagDictionary dictionary, RoaringBitmap[] byTag) {
        int oldSize = old.columns.size();
        int[] oldOffsets = old.tagging.offsets();
        int[] tagOffsets = new int[size + 1];
        int total = old.tagging.data().length;
        for (Map.Entry<Integer, int[]> e : tagsAfter.entrySet()) {
            int d = e.getKey();
            total += e.getValue().length - (d < oldSize ? oldOffsets[d + 1] - oldOffsets[d] : 0);
        }
        int[] tagData = new int[total];
        int at = 0;
        int d = 0;
        for (int touched :
                tagsAfter.keySet().stream().mapToInt(Integer::intValue).sorted().toArray()) {
            int end = Math.min(touched, oldSize);
            if (d < end) {
                at = copyUntouched(d, end, tagOffsets, tagData, at);
                d = end;
            }
            for (; d < touched; d++) {
                tagOffsets[d] = at; // new documents with no tags: cannot happen, every question has one
            }
            int[] ids = tagsAfter.get(touched);
            tagOffsets[touched] = at;
            System.arraycopy(ids, 0, tagData, at, ids.length);
            at += ids.length;
            d = touched + 1;
        }
        if (d < oldSize) {
            at = copyUntouched(d, oldSize, tagOffsets, tagData, at);
            d = oldSize;
        }
        for (; d < size; d++) {
            tagOffsets[d] = at;
        }
        tagOffsets[size] = at;
        return new SiteIndex.Tagging(tagOffsets, tagData, dictionary, byTag);
    }

    /**
     * Copies the tag ids of the old documents {@code [from, end)} into {@code tagData} at {@code at}, shifting their
     * offsets to match; returns where the next document's ids go.
     */
    private int copyUntouched(int from, int end, int[] tagOffsets, int[] tagData, int at) {
        int[] oldOffsets = old.tagging.offsets();
        int start = oldOffsets[from];
        int n = oldOffsets[end] - start;
        System.arraycopy(old.tagging.data(), start, tagData, at, n);
        int shift = at - start;
        for (int i = from; i < end; i++) {
            tagOffsets[i] = oldOffsets[i] + shift;
        }
        return at + n;
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
