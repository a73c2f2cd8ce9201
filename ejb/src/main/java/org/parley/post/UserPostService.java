package org.parley.post;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.parley.common.Page;
import org.parley.common.Paging;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;
import org.parley.rules.NotFoundException;
import org.parley.user.User;
import org.parley.user.UserRepository;

/** A user's profile page: who they are, and the questions and answers they posted. */
@Stateless
public class UserPostService {

    /** Rows per page of a profile's question and answer lists. */
    public static final int PROFILE_PAGE_SIZE = 20;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private MarkdownRenderer markdown;

    @Inject
    private ImageProxy images;

    @Inject
    private UserRepository users;

    /**
     * A user's public profile.
     *
     * @return empty when no such user (or a deleted one) exists on the site
     */
    public Optional<UserProfile> profile(long siteId, long number) {
        return findByNumber(siteId, number)
                .map(u -> new UserProfile(
                        u.getNumber(),
                        u.getDisplayName(),
                        u.ref().slug(),
                        u.getReputation(),
                        u.getRole(),
                        u.getCreatedAt(),
                        u.getAboutMe() == null
                                ? null
                                : images.rewrite(
                                        markdown.toSafeHtml(u.getAboutMe()),
                                        u.getSite().hostNames()),
                        count("Question.countByOwner", u),
                        count("Answer.countByOwner", u),
                        u.getLocation(),
                        u.getWebsiteUrl(),
                        u.getAvatarVersion(),
                        u.getImportedImageUrl()));
    }

    /**
     * The user's questions, newest first, {@value #PROFILE_PAGE_SIZE} a page; a page below 1 is read as 1.
     *
     * @throws NotFoundException when no such user exists on the site
     */
    public Page<QuestionSummary> questionsBy(long siteId, long userNumber, int page) {
        User user = requireUser(siteId, userNumber);
        int p = Paging.page(page);
        List<Question> rows = em.createNamedQuery("Question.listByOwner", Question.class)
                .setParameter("owner", user)
                .setFirstResult(Page.firstResult(p, PROFILE_PAGE_SIZE))
                .setMaxResults(PROFILE_PAGE_SIZE)
                .getResultList();
        return new Page<>(
                rows.stream().map(Question::toSummary).toList(),
                p,
                PROFILE_PAGE_SIZE,
                count("Question.countByOwner", user));
    }

    /**
     * The user's answers, newest first, {@value #PROFILE_PAGE_SIZE} a page; a page below 1 is read as 1.
     *
     * @throws NotFoundException when no such user exists on the site
     */
    public Page<AnswerSummary> answersBy(long siteId, long userNumber, int page) {
        User user = requireUser(siteId, userNumber);
        int p = Paging.page(page);
        List<Answer> rows = em.createNamedQuery("Answer.listByOwner", Answer.class)
                .setParameter("owner", user)
                .setFirstResult(Page.firstResult(p, PROFILE_PAGE_SIZE))
                .setMaxResults(PROFILE_PAGE_SIZE)
                .getResultList();
        List<AnswerSummary> items = rows.stream()
                .map(a -> new AnswerSummary(
                        a.getNumber(),
                        a.getQuestion().getNumber(),
                        a.getQuestion().getTitle(),
                        a.getQuestion().slug(),
                        a.getScore(),
                        a.getQuestion().isAccepted(a),
                        a.getCreatedAt()))
                .toList();
        return new Page<>(items, p, PROFILE_PAGE_SIZE, count("Answer.countByOwner", user));
    }

    private Optional<User> findByNumber(long siteId, long number) {
        return users.findByNumber(siteId, number).filter(u -> !u.isDeleted());
    }

    private User requireUser(long siteId, long number) {
        return findByNumber(siteId, number).orElseThrow(() -> new NotFoundException("No such user."));
    }

    private long count(String namedQuery, User owner) {
        return em.createNamedQuery(namedQuery, Long.class)
                .setParameter("owner", owner)
                .getSingleResult();
    }
}
