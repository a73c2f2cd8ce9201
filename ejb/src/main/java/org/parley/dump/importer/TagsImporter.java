package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpRow;
import org.parley.dump.Extras;
import org.parley.tag.Tag;

/**
 * Tags.xml: makes the site's tags (a name Parley cannot hold is skipped) and keeps the dump's id, count, wiki and
 * excerpt post numbers and flags in {@code dump_tag}. The live question counts are recounted when the import ends.
 */
final class TagsImporter extends RowImporter {

    private static final Set<String> MAPPED = Set.of("Id", "TagName", "Count", "ExcerptPostId", "WikiPostId");

    TagsImporter(ImportContext ctx) {
        super(ctx);
    }

    @Override
    void write(Connection c, List<DumpRow> rows, Tally tally) throws SQLException {
        Set<String> names = new HashSet<>();
        for (DumpRow row : rows) {
            if (row.get("TagName") != null) {
                names.add(row.get("TagName"));
            }
        }
        Set<String> imported = existingNames(c, "select tag_name from dump_tag where site_id = ?", names);
        Set<String> tags = existingNames(c, "select name from tag where site_id = ?", names);
        DumpDatabase.Ids tagIds = ctx.db().new Ids(c, "tag_id_seq");
        DumpDatabase.Ids dumpIds = ctx.db().new Ids(c, "dump_tag_id_seq");
        try (PreparedStatement tag =
                        c.prepareStatement("insert into tag (id, site_id, name, question_count) values (?, ?, ?, 0)");
                PreparedStatement meta = c.prepareStatement(
                        "insert into dump_tag (id, site_id, tag_name, dump_id, dump_count, excerpt_post_number,"
                                + " wiki_post_number, dump_extra) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int tagBatch = 0;
            int metaBatch = 0;
            for (DumpRow row : rows) {
                try {
                    long id = id(row);
                    String name = row.get("TagName");
                    if (name == null || name.isBlank()) {
                        throw new Skip("missing TagName");
                    }
                    if (!Tag.isValidName(name)) {
                        throw new Skip("invalid tag name");
                    }
                    if (imported.contains(name)) {
                        throw new Skip("already imported");
                    }
                    imported.add(name);
                    Map<String, String> extras = rest(row, MAPPED);
                    if (tags.add(name)) {
                        tag.setLong(1, tagIds.next());
                        tag.setLong(2, ctx.siteId());
                        tag.setString(3, name);
                        tag.addBatch();
                        tagBatch++;
                    }
                    meta.setLong(1, dumpIds.next());
                    meta.setLong(2, ctx.siteId());
                    meta.setString(3, name);
                    meta.setLong(4, id);
                    setLong(meta, 5, optionalLong(row, "Count"));
                    setLong(meta, 6, optionalLong(row, "ExcerptPostId"));
                    setLong(meta, 7, optionalLong(row, "WikiPostId"));
                    meta.setString(8, truncate(Extras.encode(extras), 2000));
                    meta.addBatch();
                    metaBatch++;
                    tally.imported();
                } catch (Skip skip) {
                    tally.skip(skip.getMessage());
                }
            }
            if (tagBatch > 0) {
                tag.executeBatch();
            }
            if (metaBatch > 0) {
                meta.executeBatch();
            }
        }
    }

    private Set<String> existingNames(Connection c, String sql, Set<String> names) throws SQLException {
        Set<String> found = new HashSet<>();
        String column = sql.contains("tag_name") ? "tag_name" : "name";
        try (PreparedStatement st = c.prepareStatement(sql + " and " + column + " = ?")) {
            st.setLong(1, ctx.siteId());
            for (String name : names) {
                st.setString(2, name);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        found.add(name);
                    }
                }
            }
        }
        return found;
    }
}
