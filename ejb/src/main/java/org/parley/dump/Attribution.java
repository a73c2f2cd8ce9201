package org.parley.dump;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * Where the posts on one question page come from: for imported posts the CC BY-SA license named by the dump's
 * ContentLicense (or "CC BY-SA" when an older dump does not say which version) and their community-wiki date.
 * Posts written in Parley have no entry.
 */
public record Attribution(Map<Long, String> licenses, Map<Long, Instant> communityOwned) implements Serializable {

    public Attribution {
        licenses = Map.copyOf(licenses);
        communityOwned = Map.copyOf(communityOwned);
    }

    /** The license of post {@code number}, or null for a post written here. */
    public String license(long number) {
        return licenses.get(number);
    }

    public boolean imported(long number) {
        return licenses.containsKey(number);
    }

    public boolean communityWiki(long number) {
        return communityOwned.containsKey(number);
    }

    /** The Creative Commons deed of a license name like "CC BY-SA 4.0"; the 4.0 deed when no version is given. */
    public static String deedUrl(String license) {
        String version = license == null ? "" : license.replaceAll("[^0-9.]", "");
        if (version.isEmpty()) {
            version = "4.0";
        }
        return "https://creativecommons.org/licenses/by-sa/" + version + "/";
    }
}
