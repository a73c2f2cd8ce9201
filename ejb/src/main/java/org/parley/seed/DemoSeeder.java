package org.parley.seed;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.Role;
import org.parley.markdown.MarkdownRenderer;
import org.parley.site.Site;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.user.PasswordHasher;
import org.parley.user.User;
import org.parley.user.UserRepository;

/** The transactions of start-up seeding; {@link DemoContent} decides when to run them. */
@Stateless
public class DemoSeeder {

    static final String DEFAULT_HOST = "localhost";
    /** Fixed, so every fresh installation shows the same demo content. */
    static final long SEED = 20_240_501L;

    private static final Logger log = Logger.getLogger(DemoSeeder.class.getName());

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private SiteService sites;

    @Inject
    private UserRepository users;

    @Inject
    private MarkdownRenderer markdown;

    /** Creates the default site {@value #DEFAULT_HOST} ("Parley") unless it exists. */
    public SiteInfo ensureDefaultSite() {
        return sites.ensureSite(
                DEFAULT_HOST, "parley", "Parley", "Questions and answers about programming and the tools around it.");
    }

    /**
     * Creates the default site and its admin user {@code admin} unless they exist, so that even an installation without
     * demo content has someone who can create sites.
     *
     * @throws org.parley.rules.InvalidInputException when the admin password is too short
     */
    public SiteInfo ensureDefaultSiteAndAdmin(String adminPassword) {
        User.checkPassword(adminPassword);
        SiteInfo local = ensureDefaultSite();
        ensureAdmin(lock(local), adminPassword);
        return local;
    }

    /**
     * Seeds the demo sites if the default site has no questions yet: the sites {@code bicycles.localhost} and {@code
     * beer.localhost}, an admin user {@code admin} on each of the three sites, and generated content.
     *
     * @param adminPassword the admins' password (at least 10 characters)
     * @return how many questions were created; 0 when the default site already had some
     * @throws org.parley.rules.InvalidInputException when the admin password is too short
     */
    public int seedIfEmpty(String adminPassword) {
        User.checkPassword(adminPassword);
        SiteInfo local = ensureDefaultSite();
        // Locked first, so a second server starting at the same time waits here and then finds the questions.
        Site localSite = em.find(Site.class, local.id(), LockModeType.PESSIMISTIC_WRITE);
        long existing = em.createNamedQuery("Question.countBySite", Long.class)
                .setParameter("site", local.id())
                .getSingleResult();
        if (existing > 0) {
            return 0;
        }
        long started = System.nanoTime();
        SiteInfo bicycles =
                sites.ensureSite("bicycles.localhost", "bicycles", "Bicycles", "Riding, fixing and choosing bicycles.");
        SiteInfo beer = sites.ensureSite(
                "beer.localhost", "beer", "Beer, Wine & Spirits", "Brewing, storing, serving and enjoying drinks.");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        int questions = 0;
        questions += populate(localSite, adminPassword, Topics.PROGRAMMING, 0, 80, 400, now);
        questions += populate(lock(bicycles), adminPassword, Topics.BICYCLES, 1, 25, 60, now);
        questions += populate(lock(beer), adminPassword, Topics.BEER, 2, 25, 60, now);
        log.log(Level.INFO, "Seeded {0} questions on 3 sites in {1} ms", new Object[] {
            questions, (System.nanoTime() - started) / 1_000_000
        });
        return questions;
    }

    private void ensureAdmin(Site site, String adminPassword) {
        if (users.findByUsername(site.getId(), "admin").isEmpty()) {
            em.persist(new User(
                    site,
                    site.takeUserNumber(),
                    "admin",
                    site.getTitle() + " Admin",
                    PasswordHasher.hash(adminPassword),
                    Role.ADMIN,
                    site.getCreatedAt()));
        }
    }

    private int populate(
            Site site, String adminPassword, Topic topic, int index, int userCount, int questionCount, Instant now) {
        ensureAdmin(site, adminPassword);
        long siteQuestions = em.createNamedQuery("Question.countBySite", Long.class)
                .setParameter("site", site.getId())
                .getSingleResult();
        if (siteQuestions > 0) {
            return 0;
        }
        DemoGenerator.Stats stats =
                new DemoGenerator(em, markdown, SEED + index, now).populate(site, topic, userCount, questionCount);
        log.log(Level.INFO, "Seeded {0}: {1} users, {2} questions, {3} answers, {4} comments, {5} votes", new Object[] {
            site.getHost(), stats.users(), stats.questions(), stats.answers(), stats.comments(), stats.votes()
        });
        return stats.questions();
    }

    private Site lock(SiteInfo info) {
        return em.find(Site.class, info.id(), LockModeType.PESSIMISTIC_WRITE);
    }
}
