package org.parley.post;

import java.util.Objects;

/**
 * A change committed on another server, fired as a CDI event on this one (outside any transaction) when it arrives
 * through the events topic.
 *
 * @param change what changed
 * @param origin the name of the server that committed it
 */
public record RemotePostChanged(PostChanged change, String origin) {

    public RemotePostChanged {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(origin, "origin");
    }
}
