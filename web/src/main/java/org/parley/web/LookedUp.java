package org.parley.web;

import jakarta.enterprise.inject.spi.CDI;
import java.util.function.Supplier;

/**
 * A normal-scoped bean (application or request scoped) for code that the container or Faces creates without
 * injection, looked up on first use and kept: the client proxy it returns stays valid for the application's life and
 * reaches the current request's instance on each call. {@code CDI.current()} walks the caller's stack to find its
 * module, which costs microseconds that a page paid once per resource, cached fragment or form.
 *
 * @param <T> the bean's type; it must be normal-scoped (a {@code @Dependent} bean would be shared by every caller)
 */
public final class LookedUp<T> implements Supplier<T> {

    private final Class<T> type;
    private volatile T bean;

    private LookedUp(Class<T> type) {
        this.type = type;
    }

    public static <T> LookedUp<T> of(Class<T> type) {
        return new LookedUp<>(type);
    }

    @Override
    public T get() {
        T found = bean;
        if (found == null) {
            found = CDI.current().select(type).get();
            bean = found;
        }
        return found;
    }
}
