package org.parley.dump.importer;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Status changes of a {@link DumpImport}, each in its own transaction so that a failure is recorded even when the
 * chunk that failed rolls back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportRecords {

    private static final Logger log = Logger.getLogger(ImportRecords.class.getName());

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    /** Records a new import; committed before the job that reads it starts. */
    public long create(String dir, String host, String name, String title, Long startedBy) {
        DumpImport record = new DumpImport(dir, host, name, title, startedBy, Instant.now());
        em.persist(record);
        em.flush();
        return record.getId();
    }

    public void running(long importId, Long siteId) {
        em.createQuery("update DumpImport i set i.status = :s, i.siteId = coalesce(:site, i.siteId), i.message = null,"
                        + " i.finishedAt = null where i.id = :id")
                .setParameter("s", DumpImport.Status.RUNNING)
                .setParameter("site", siteId)
                .setParameter("id", importId)
                .executeUpdate();
    }

    public void completed(long importId) {
        em.createQuery("update DumpImport i set i.status = :s, i.finishedAt = :now where i.id = :id")
                .setParameter("s", DumpImport.Status.COMPLETED)
                .setParameter("now", Instant.now())
                .setParameter("id", importId)
                .executeUpdate();
    }

    /** Marks the import failed with {@code message} (cut to 2,000 characters). */
    public void failed(long importId, String message) {
        String m = message == null ? "failed" : message.length() > 2000 ? message.substring(0, 2000) : message;
        log.log(Level.WARNING, "Import {0} failed: {1}", new Object[] {importId, m});
        em.createQuery("update DumpImport i set i.status = :s, i.message = :m, i.finishedAt = :now where i.id = :id")
                .setParameter("s", DumpImport.Status.FAILED)
                .setParameter("m", m)
                .setParameter("now", Instant.now())
                .setParameter("id", importId)
                .executeUpdate();
    }

    public void execution(long importId, long executionId) {
        em.createQuery("update DumpImport i set i.executionId = :e where i.id = :id")
                .setParameter("e", executionId)
                .setParameter("id", importId)
                .executeUpdate();
    }

    public DumpImport find(long importId) {
        return em.find(DumpImport.class, importId);
    }
}
