package org.parley.api;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;

/** The sites the API's {@code site} parameter names, and the list {@code /sites} shows. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class StackSites {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private SiteService sites;

    /** A site with when it was created ({@code launch_date}). */
    public record Listed(SiteInfo info, Instant createdAt) {}

    /**
     * The site a {@code site} parameter names: one of its host names, or its name ({@code api_site_parameter}).
     *
     * @throws StackException bad_parameter {@code site} when no site has that name or host
     */
    public SiteInfo named(String site) {
        String value = site.strip().toLowerCase(Locale.ROOT);
        Optional<SiteInfo> byHost = sites.findByHost(value);
        if (byHost.isPresent()) {
            return byHost.get();
        }
        List<String> hosts = em.createQuery("select s.host from Site s where s.name = :name", String.class)
                .setParameter("name", value)
                .getResultList();
        return hosts.stream()
                .findFirst()
                .flatMap(sites::findByHost)
                .orElseThrow(() -> StackException.badParameter("site", "no site is named \"" + shorten(value) + "\""));
    }

    /** Every site, ordered by host, with its creation time. */
    public List<Listed> list() {
        Map<Long, Instant> created = new HashMap<>();
        em.createQuery("select s.id, s.createdAt from Site s", Object[].class)
                .getResultStream()
                .forEach(r -> created.put((Long) r[0], (Instant) r[1]));
        return sites.list().stream()
                .map(info -> new Listed(info, created.get(info.id())))
                .toList();
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
