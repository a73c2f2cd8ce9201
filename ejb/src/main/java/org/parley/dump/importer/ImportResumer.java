package org.parley.dump.importer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Resumes imports that a stopped or killed server left unfinished, a few seconds after deployment (once the batch
 * runtime is up), from the position their last committed chunk recorded.
 */
@Singleton
@Startup
@DependsOn("H2EnumColumns")
public class ImportResumer {

    private static final Logger log = Logger.getLogger(ImportResumer.class.getName());
    private static final long DELAY_MS = 3000;

    @Resource
    private TimerService timers;

    @EJB
    private ImportService imports;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(DELAY_MS, new TimerConfig(null, false));
    }

    @Timeout
    void resume() {
        int resumed = imports.resumeInterrupted();
        if (resumed > 0) {
            log.log(Level.INFO, "Resumed {0} interrupted import(s)", resumed);
        }
    }
}
