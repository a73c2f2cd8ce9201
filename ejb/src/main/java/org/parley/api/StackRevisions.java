package org.parley.api;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parley.revision.RevisionEntry;
import org.parley.revision.RevisionPage;
import org.parley.revision.RevisionService;
import org.parley.rules.NotFoundException;

/**
 * {@code /posts/{ids}/revisions}: the numbered revisions of live posts, as their revisions pages show them ({@link
 * RevisionService#page} for an anonymous reader, so a deleted post has none), newest first; events (closed, locked,
 * ...) are not revisions and are left out, as Stack Exchange leaves them out.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StackRevisions {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private RevisionService revisions;

    public StackPage<StackRevision> revisions(long siteId, List<Long> postNumbers, StackQuery query) {
        List<Object[]> found = new ArrayList<>(); // post number, question?, entry, entry before (same post)
        for (Long number : postNumbers) {
            RevisionPage page;
            try {
                page = revisions.page(siteId, number, null);
            } catch (NotFoundException e) {
                continue;
            }
            List<RevisionEntry> numbered = page.entries().stream()
                    .filter(RevisionEntry::isRevision)
                    .sorted(Comparator.comparingInt(RevisionEntry::number))
                    .toList();
            String title = null;
            List<String> tags = List.of();
            for (RevisionEntry e : numbered) {
                found.add(new Object[] {number, page.question(), e, title, tags});
                if (e.title() != null) {
                    title = e.title();
                }
                if (!e.tags().isEmpty()) {
                    tags = e.tags();
                }
            }
        }
        Instant from = query.fromDate();
        Instant to = query.toDate() == null ? null : query.toDate().plusSeconds(1);
        List<Object[]> picked = found.stream()
                .filter(r -> {
                    Instant at = ((RevisionEntry) r[2]).at();
                    return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
                })
                .sorted(Comparator.<Object[], Instant>comparing(r -> ((RevisionEntry) r[2]).at())
                        .thenComparing(r -> (Long) r[0])
                        .thenComparing(r -> ((RevisionEntry) r[2]).number())
                        .reversed())
                .toList();
        StackPage<Object[]> page = StackPeople.page(picked, query);
        Map<Long, StackOwner> users = StackReads.liveUsers(
                em,
                siteId,
                page.items().stream()
                        .map(r -> ((RevisionEntry) r[2]).by())
                        .filter(Objects::nonNull)
                        .map(u -> u.number())
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        List<StackRevision> items = new ArrayList<>();
        for (Object[] r : page.items()) {
            RevisionEntry e = (RevisionEntry) r[2];
            @SuppressWarnings("unchecked")
            List<String> lastTags = (List<String>) r[4];
            StackOwner user = e.by() == null
                    ? StackOwner.gone(null)
                    : e.by().number() != null && users.containsKey(e.by().number())
                            ? users.get(e.by().number())
                            : StackOwner.gone(e.by().displayName());
            boolean titleChanged = e.title() != null;
            boolean tagsChanged = !e.tags().isEmpty();
            items.add(new StackRevision(
                    (Long) r[0],
                    (Boolean) r[1] ? "question" : "answer",
                    e.number(),
                    e.at(),
                    e.comment(),
                    e.comment() != null
                            && (e.comment().startsWith("Rolled back")
                                    || e.comment().startsWith("Rollback")),
                    user,
                    titleChanged ? e.title() : null,
                    titleChanged && e.number() > 1 ? (String) r[3] : null,
                    tagsChanged ? e.tags() : null,
                    tagsChanged && e.number() > 1 && !lastTags.isEmpty() ? lastTags : null,
                    query.body() ? e.bodyHtml() : null,
                    e.license() == null ? StackReads.LICENSE : e.license()));
        }
        return new StackPage<>(items, page.hasMore(), page.total());
    }
}
