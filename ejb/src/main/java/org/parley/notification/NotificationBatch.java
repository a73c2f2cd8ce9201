package org.parley.notification;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** What {@link NotificationService#since} returns: the counters now and the notifications after the number asked. */
public record NotificationBatch(NotificationState state, List<NotificationView> items) implements Serializable {

    public NotificationBatch {
        Objects.requireNonNull(state, "state");
        items = List.copyOf(items);
    }
}
