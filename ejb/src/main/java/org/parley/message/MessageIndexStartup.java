package org.parley.message;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * At deployment, asks {@link MessageIndex} to fill the message index if it is empty (in the background: the
 * deployment does not wait), so that messages delivered before search existed, or before the index was lost, can be
 * found.
 */
@Singleton
@Startup
@DependsOn("H2EnumColumns")
public class MessageIndexStartup {

    @EJB
    private MessageIndex index;

    @PostConstruct
    void fillIfEmpty() {
        index.fillIfEmpty();
    }
}
