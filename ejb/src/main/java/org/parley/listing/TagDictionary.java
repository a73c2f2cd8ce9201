package org.parley.listing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tag names of one site's index and their dense ids (0, 1, 2, ...); immutable, grown by copying. */
final class TagDictionary {

    static final TagDictionary EMPTY = new TagDictionary(new String[0], new HashMap<>());

    private final String[] names;
    private final Map<String, Integer> ids;

    private TagDictionary(String[] names, Map<String, Integer> ids) {
        this.names = names;
        this.ids = ids;
    }

    static TagDictionary of(List<String> names) {
        Map<String, Integer> ids = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        return new TagDictionary(names.toArray(String[]::new), ids);
    }

    /** This dictionary with {@code added} (names it lacks) appended. */
    TagDictionary with(List<String> added) {
        if (added.isEmpty()) {
            return this;
        }
        String[] grown = Arrays.copyOf(names, names.length + added.size());
        Map<String, Integer> grownIds = new HashMap<>(ids);
        for (int i = 0; i < added.size(); i++) {
            grown[names.length + i] = added.get(i);
            grownIds.put(added.get(i), names.length + i);
        }
        return new TagDictionary(grown, grownIds);
    }

    /** The id of {@code name}, or -1. */
    int id(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    String name(int id) {
        return names[id];
    }

    int size() {
        return names.length;
    }

    /** Rough heap bytes: the name strings, the array and the map entries. */
    long estimatedBytes() {
        long bytes = 16 + 4L * names.length;
        for (String name : names) {
            bytes += 40 + name.length() + 48; // the String with its byte[], and its map entry with a boxed id
        }
        return bytes + 4L * ids.size() * 2;
    }
}
