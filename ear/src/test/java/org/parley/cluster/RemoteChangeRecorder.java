package org.parley.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.post.RemotePostChanged;

/** Records the remote changes a server is told about; deployed inside the EJB module, where those events reach. */
@ApplicationScoped
public class RemoteChangeRecorder {

    private final LinkedBlockingQueue<RemotePostChanged> seen = new LinkedBlockingQueue<>();

    void on(@Observes RemotePostChanged change) {
        seen.add(change);
    }

    /** The next change seen, waiting up to {@code timeout}; null when none came. */
    public RemotePostChanged next(long timeout, TimeUnit unit) throws InterruptedException {
        return seen.poll(timeout, unit);
    }
}
