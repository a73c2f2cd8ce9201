package org.parley.dump.importer;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.parley.dump.DumpFile;

/**
 * Once all posts are in: counts the imported questions still waiting for their accepted answer (the posts step links
 * each question when its accepted answer is written) as "accepted answer not in the dump". Their AcceptedAnswerId is
 * kept for export. Then gives every imported question with an answer but no time to first answer yet (analytics read
 * it) that time, in one SQL update: the earliest answer's date and the whole seconds from asking to it. Questions
 * whose answers came in their own chunk of Posts.xml were written with it ({@link PostsImporter}), so this rewrites
 * only the rows of questions answered in later chunks.
 */
@Named("linkBatchlet")
@Dependent
public class LinkBatchlet extends AbstractBatchlet {

    /**
     * Questions of the site without a first-answer time that have an answer get the earliest one's. EXTRACT(EPOCH ...)
     * is understood by H2 and PostgreSQL alike; the seconds are floored like {@code Duration.getSeconds()}.
     */
    static final String FIRST_ANSWERS = "update post set"
            + " first_answer_at = (select min(a.created_at) from post a where a.question_id = post.id),"
            + " first_answer_seconds = greatest(0, floor(extract(epoch from (select min(a.created_at) from post a"
            + " where a.question_id = post.id)) - extract(epoch from created_at)))"
            + " where site_id = ? and post_type = 'Q' and first_answer_at is null"
            + " and exists (select 1 from post a where a.question_id = post.id)";

    @Inject
    private JobContext job;

    @Inject
    private DumpDatabase db;

    @Inject
    private ImportLedger ledger;

    @Inject
    private ImportRecords records;

    @Override
    public String process() throws Exception {
        long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
        try (Connection c = db.connection()) {
            String posts = DumpFile.POSTS.fileName();
            long dangling = Math.max(0, ledger.get(c, importId, posts, ImportLedger.PENDING_LINKS));
            ledger.set(c, importId, posts, ImportLedger.NOTE + "accepted answer not in the dump", dangling);
        } catch (Exception e) {
            records.failed(importId, "Counting unlinked accepted answers failed: " + e);
            throw e;
        }
        long siteId = records.find(importId).getSiteId();
        try (Connection c = db.connection();
                PreparedStatement st = c.prepareStatement(FIRST_ANSWERS)) {
            st.setLong(1, siteId);
            st.executeUpdate();
        } catch (Exception e) {
            records.failed(importId, "Setting the questions' first-answer times failed: " + e);
            throw e;
        }
        return "LINKED";
    }
}
