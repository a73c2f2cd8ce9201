package org.parley.dump.importer;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.parley.dump.DumpFile;

/**
 * Once all posts are in: points each imported question at its accepted answer (an AcceptedAnswerId may name an
 * answer later in the file). An accepted answer that is not in the dump is counted as a note and kept for export.
 */
@Named("linkBatchlet")
@Dependent
public class LinkBatchlet extends AbstractBatchlet {

  @Inject private JobContext job;
  @Inject private DumpDatabase db;
  @Inject private ImportLedger ledger;
  @Inject private ImportRecords records;

  @Override
  public String process() throws Exception {
    long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
    long siteId = records.find(importId).getSiteId();
    try (Connection c = db.connection()) {
      try (PreparedStatement st =
          c.prepareStatement(
              "update post set accepted_answer_id = (select a.id from post a where a.site_id = post.site_id"
                  + " and a.number = post.dump_accepted_number and a.post_type = 'A' and a.question_id = post.id)"
                  + " where site_id = ? and post_type = 'Q' and dump_accepted_number is not null"
                  + " and accepted_answer_id is null")) {
        st.setLong(1, siteId);
        st.executeUpdate();
      }
      try (PreparedStatement st =
          c.prepareStatement(
              "update post set dump_accepted_number = null where site_id = ? and post_type = 'Q'"
                  + " and dump_accepted_number is not null and accepted_answer_id is not null")) {
        st.setLong(1, siteId);
        st.executeUpdate();
      }
      try (PreparedStatement st =
          c.prepareStatement(
              "select count(*) from post where site_id = ? and post_type = 'Q' and dump_accepted_number is not null")) {
        st.setLong(1, siteId);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          ledger.set(
              c,
              importId,
              DumpFile.POSTS.fileName(),
              ImportLedger.NOTE + "accepted answer not in the dump",
              rs.getLong(1));
        }
      }
    } catch (Exception e) {
      records.failed(importId, "Linking accepted answers failed: " + e);
      throw e;
    }
    return "LINKED";
  }
}
