package org.parley.dump.importer;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last step: moves the site's number counters past the highest imported post and user numbers (so new posts
 * and users never take an imported number), recounts the tags' questions, and marks the import completed.
 */
@Named("finishBatchlet")
@Dependent
public class FinishBatchlet extends AbstractBatchlet {

  private static final Logger log = Logger.getLogger(FinishBatchlet.class.getName());

  @Inject private JobContext job;
  @Inject private DumpDatabase db;
  @Inject private ImportRecords records;

  @Override
  public String process() throws Exception {
    long importId = Long.parseLong(job.getProperties().getProperty(ImportJob.IMPORT_ID));
    long siteId = records.find(importId).getSiteId();
    try (Connection c = db.connection()) {
      long maxPost =
          Math.max(
              max(c, "select max(number) from post where site_id = ?", siteId),
              max(c, "select max(number) from dump_post where site_id = ?", siteId));
      long maxUser = max(c, "select max(number) from parley_user where site_id = ?", siteId);
      try (PreparedStatement st =
          c.prepareStatement(
              "update site set next_post_number = case when next_post_number > ? then next_post_number else ? end,"
                  + " next_user_number = case when next_user_number > ? then next_user_number else ? end"
                  + " where id = ?")) {
        st.setLong(1, maxPost);
        st.setLong(2, maxPost + 1);
        st.setLong(3, maxUser);
        st.setLong(4, maxUser + 1);
        st.setLong(5, siteId);
        st.executeUpdate();
      }
      try (PreparedStatement st =
          c.prepareStatement(
              "update tag set question_count = (select count(*) from question_tag qt where qt.tag_id = tag.id)"
                  + " where site_id = ?")) {
        st.setLong(1, siteId);
        st.executeUpdate();
      }
    } catch (Exception e) {
      records.failed(importId, "Finishing the import failed: " + e);
      throw e;
    }
    records.completed(importId);
    log.log(Level.INFO, "Import {0} completed", importId);
    return "COMPLETED";
  }

  private static long max(Connection c, String sql, long siteId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setLong(1, siteId);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        long v = rs.getLong(1);
        return rs.wasNull() ? 0 : v;
      }
    }
  }
}
