package org.parley.errorlog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.common.Actor;
import org.parley.site.AdminScope;

/** Reads and clears the exception log; the server's admins only (anyone else gets NotAllowedException). */
@Stateless
public class ErrorLogService {

    /** The longest list the page shows. */
    public static final int LIST_MAX = 200;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private AdminScope admins;

    /**
     * The distinct errors, last seen first, at most {@value #LIST_MAX}; with {@code text}, only those whose type,
     * message, URL, site, user, node or request id contains it (any case).
     */
    public List<ErrorLogEntry> list(Actor actor, String text) {
        admins.requireServerAdmin(actor, "read the exception log");
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return em.createQuery(
                            "select e from ErrorLogEntry e order by e.lastSeen desc, e.id desc", ErrorLogEntry.class)
                    .setMaxResults(LIST_MAX)
                    .getResultList();
        }
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createQuery(
                        "select e from ErrorLogEntry e where lower(e.type) like :q escape '\\'"
                                + " or lower(e.message) like :q escape '\\' or lower(e.url) like :q escape '\\'"
                                + " or lower(e.site) like :q escape '\\' or lower(e.user) like :q escape '\\'"
                                + " or lower(e.node) like :q escape '\\' or lower(e.requestId) like :q escape '\\'"
                                + " order by e.lastSeen desc, e.id desc",
                        ErrorLogEntry.class)
                .setParameter("q", like)
                .setMaxResults(LIST_MAX)
                .getResultList();
    }

    /** One error by id, if it is still there. */
    public Optional<ErrorLogEntry> find(Actor actor, long id) {
        admins.requireServerAdmin(actor, "read the exception log");
        return Optional.ofNullable(em.find(ErrorLogEntry.class, id));
    }

    /** Removes one error; false if it was gone already. */
    public boolean clear(Actor actor, long id) {
        admins.requireServerAdmin(actor, "clear the exception log");
        return em.createQuery("delete from ErrorLogEntry e where e.id = :id")
                        .setParameter("id", id)
                        .executeUpdate()
                > 0;
    }

    /** Removes every error; returns how many. */
    public int clearAll(Actor actor) {
        admins.requireServerAdmin(actor, "clear the exception log");
        return em.createQuery("delete from ErrorLogEntry e").executeUpdate();
    }

    /** The error with {@code fingerprint}, for tests and tools that know the exception. */
    public Optional<ErrorLogEntry> byFingerprint(Actor actor, String fingerprint) {
        admins.requireServerAdmin(actor, "read the exception log");
        return em.createQuery("select e from ErrorLogEntry e where e.fingerprint = :f", ErrorLogEntry.class)
                .setParameter("f", fingerprint)
                .getResultStream()
                .findFirst();
    }
}
