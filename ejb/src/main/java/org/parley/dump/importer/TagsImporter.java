package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
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
final class TagsImporter extends RowImporter<String> {

    private static final Set<String> MAPPED = Set.of("Id", "TagName", "Count", "ExcerptPostId", "WikiPostId");

    TagsImporter(ImportContext ctx) {
        super(ctx, TagsImporter::name);
    }

    /** A row's key: its TagName, once its Id is read and the name is one Parley can hold. */
    private static String name(DumpRow row) {
        id(row);
        String name = row.get("TagName");
        if (name == null || name.isBlank()) {
            throw new Skip("missing TagName");
        }
        if (!Tag.isValidName(name)) {
            throw new Skip("invalid tag name");
        }
        return name;
    }

    @Override
    void collect(DumpRow row, References refs) {
        refs.tags.add(row.get("TagName"));
    }

    @Override
    Set<String> alreadyImported(Connection c, List<String> names) throws SQLException {
        return existingNames(c, "select tag_name from dump_tag where site_id = ?", names);
    }

    @Override
    ChunkWriter<String> begin(Connection c, References refs, Batches batches) throws SQLException {
        Set<String> tags = existingNames(c, "select name from tag where site_id = ?", refs.tags);
        DumpDatabase.Ids tagIds = ctx.db().new Ids(c, "tag_id_seq");
        DumpDatabase.Ids dumpIds = ctx.db().new Ids(c, "dump_tag_id_seq");
        Batches.Rows tag = batches.prepare("tag", "id", "site_id", "name", "question_count");
        Batches.Rows meta = batches.prepare(
                "dump_tag",
                "id",
                "site_id",
                "tag_name",
                "dump_id",
                "dump_count",
                "excerpt_post_number",
                "wiki_post_number",
                "dump_extra");
        return (row, name, tally) -> {
            Map<String, String> extras = rest(row, MAPPED);
            if (tags.add(name)) {
                tag.setLong(1, tagIds.next());
                tag.setLong(2, ctx.siteId());
                tag.setString(3, name);
                tag.setInt(4, 0);
                tag.add();
            }
            meta.setLong(1, dumpIds.next());
            meta.setLong(2, ctx.siteId());
            meta.setString(3, name);
            meta.setLong(4, id(row));
            meta.setLong(5, optionalLong(row, "Count"));
            meta.setLong(6, optionalLong(row, "ExcerptPostId"));
            meta.setLong(7, optionalLong(row, "WikiPostId"));
            meta.setString(8, truncate(Extras.encode(extras), 2000));
            meta.add();
            return true;
        };
    }

    private Set<String> existingNames(Connection c, String sql, Collection<String> names) throws SQLException {
        String column = sql.contains("tag_name") ? "tag_name" : "name";
        return existing(c, sql + " and " + column + " = ?", ctx.siteId(), names);
    }
}
