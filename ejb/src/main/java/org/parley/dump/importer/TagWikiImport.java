package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.parley.dump.Extras;
import org.parley.tagwiki.ImportedTagWiki;

/**
 * Gives the tags of an imported site their wikis: Tags.xml names each tag's excerpt and wiki posts (ExcerptPostId,
 * WikiPostId), which the import kept verbatim in {@code dump_post}; their texts (and the wiki's latest Markdown, from
 * PostHistory) go to the tag wiki feature in chunks. The {@code dump_post} rows stay as they were, so that an export
 * writes an unedited wiki back unchanged.
 */
final class TagWikiImport {

    static final int CHUNK = 500;

    /** The latest body revision's text: initial, edit or rollback (types 2, 5, 8). */
    private static final String LATEST_MARKDOWN = "select revision_text from post_revision where site_id = ? and"
            + " post_number = ? and history_type_id in (2, 5, 8) order by created_at desc, dump_id desc"
            + " fetch first 1 rows only";

    private TagWikiImport() {}

    /** Hands the site's dump tag wikis to {@code keep} in chunks; returns how many it added. */
    static int run(Connection c, long siteId, ToIntFunction<List<ImportedTagWiki>> keep) throws SQLException {
        int added = 0;
        List<ImportedTagWiki> chunk = new ArrayList<>(CHUNK);
        try (PreparedStatement st = c.prepareStatement(
                        "select d.tag_name, d.excerpt_post_number, e.attributes, d.wiki_post_number, w.attributes"
                                + " from dump_tag d"
                                + " left join dump_post e on e.site_id = d.site_id and e.number = d.excerpt_post_number"
                                + " left join dump_post w on w.site_id = d.site_id and w.number = d.wiki_post_number"
                                + " where d.site_id = ? and (e.id is not null or w.id is not null) order by d.tag_name");
                PreparedStatement latest = c.prepareStatement(LATEST_MARKDOWN)) {
            st.setLong(1, siteId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String excerptAttributes = rs.getString(3);
                    String wikiAttributes = rs.getString(5);
                    Long excerptNumber = excerptAttributes == null ? null : rs.getLong(2);
                    Long wikiNumber = wikiAttributes == null ? null : rs.getLong(4);
                    String excerpt = excerptAttributes == null
                            ? null
                            : Extras.decode(excerptAttributes).get("Body");
                    String wikiHtml = wikiAttributes == null
                            ? null
                            : Extras.decode(wikiAttributes).get("Body");
                    String markdown = wikiNumber == null ? null : latest(latest, siteId, wikiNumber);
                    chunk.add(new ImportedTagWiki(
                            rs.getString(1),
                            excerptNumber,
                            excerpt == null ? null : excerpt.strip(),
                            wikiNumber,
                            wikiHtml,
                            markdown));
                    if (chunk.size() == CHUNK) {
                        added += keep.applyAsInt(chunk);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
            }
        }
        if (!chunk.isEmpty()) {
            added += keep.applyAsInt(chunk);
        }
        return added;
    }

    private static String latest(PreparedStatement latest, long siteId, long number) throws SQLException {
        latest.setLong(1, siteId);
        latest.setLong(2, number);
        try (ResultSet rs = latest.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
