package org.parley.synonym;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finishes the retagging of approved synonyms that a stopped server left half done, every five minutes. Every server
 * of a cluster runs it; each batch locks its synonym's row first and looks only for questions still carrying the
 * synonym, so two servers (or this and the approval's own run) interleave batches without doing one twice.
 */
@Stateless
public class RetagTimer {

    private static final Logger log = Logger.getLogger(RetagTimer.class.getName());

    @EJB
    private SynonymService synonyms;

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void resume() {
        for (long[] pending : synonyms.retagPending()) {
            log.log(Level.INFO, "Tag synonym {0} of site {1}: resuming its retagging", new Object[] {
                pending[1], pending[0]
            });
            synonyms.retagAll(pending[0], pending[1]);
        }
    }
}
