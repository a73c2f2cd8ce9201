package org.parley.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.parley.cache.Scope;
import org.parley.cache.SharedCache;

/**
 * Each account's stamp in the shared tier ({@link Scope#account}), which a session keeps from its log-in: a role change
 * stamps the account anew once it is committed, so the next request of any of its sessions, on any server, finds its
 * stamp out of date and the session is ended (the role a session logged in with is what the container checks on
 * {@code /admin}, so a demoted admin must not keep it until the session expires).
 */
@ApplicationScoped
public class AccountStamps {

    @Inject
    private SharedCache cache;

    /** The account's current stamp. */
    public String current(long siteId, long userId) {
        return cache.stampOf(Scope.account(siteId, userId));
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoleChanged change) {
        cache.invalidate(Scope.account(change.siteId(), change.userId()));
    }
}
