package org.parley.tagwiki;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parley.common.Actor;
import org.parley.image.ImageProxy;
import org.parley.markdown.MarkdownRenderer;
import org.parley.post.PostRepository;
import org.parley.revision.RevisionWriter;
import org.parley.rules.FieldChecks;
import org.parley.rules.InvalidInputException;
import org.parley.rules.NotAllowedException;
import org.parley.rules.NotFoundException;
import org.parley.site.Privilege;
import org.parley.site.Site;
import org.parley.tag.Tag;
import org.parley.tag.TagRepository;
import org.parley.user.User;

/**
 * Reading and editing tag wikis. An edit needs the site's "Edit tag wikis" privilege (moderators and admins always
 * have it); each changed part becomes a revision of the post that carries it (a new post number for a part the tag
 * did not have), so {@code /posts/{number}/revisions} shows its history with diffs.
 */
@Stateless
public class TagWikiService {

    /** An edit summary's longest. */
    public static final int MAX_SUMMARY = 300;

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @Inject
    private TagRepository tags;

    @Inject
    private PostRepository posts;

    @Inject
    private RevisionWriter revisions;

    @Inject
    private MarkdownRenderer markdown;

    @Inject
    private ImageProxy images;

    @Inject
    private Event<TagWikiChanged> changed;

    /** The tag whose excerpt ({@code excerpt} true) or wiki a post number is, for its revisions page. */
    public record WikiPost(String tagName, boolean excerpt) implements java.io.Serializable {}

    /** Which tag's excerpt or wiki post {@code postNumber} of site {@code siteId} is; empty for any other number. */
    public Optional<WikiPost> ofPost(long siteId, long postNumber) {
        return em.createQuery(
                        "select w from TagWiki w where w.siteId = :site"
                                + " and (w.excerptNumber = :n or w.wikiNumber = :n)",
                        TagWiki.class)
                .setParameter("site", siteId)
                .setParameter("n", postNumber)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(w -> new WikiPost(w.getTagName(), Long.valueOf(postNumber).equals(w.getExcerptNumber())));
    }

    /**
     * The info page of tag {@code name}: its excerpt and wiki (empty when it has none).
     *
     * @throws NotFoundException when the site has no such tag and no wiki for one
     */
    public TagInfo info(long siteId, String name) {
        Tag tag = name == null ? null : tags.findByNames(siteId, List.of(name)).get(name);
        TagWiki wiki = find(siteId, name);
        if (tag == null && wiki == null) {
            throw new NotFoundException("There is no tag \"" + name + "\" on this site.");
        }
        long count = tag == null ? 0 : tag.getQuestionCount();
        Map<String, String> synonyms = tags.synonyms(siteId);
        List<String> mine = synonyms.entrySet().stream()
                .filter(e -> e.getValue().equals(name))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        String synonymOf = synonyms.get(name);
        if (wiki == null) {
            return new TagInfo(name, count, null, null, null, null, null, mine, synonymOf);
        }
        Site site = em.find(Site.class, siteId);
        String html = wiki.getWikiHtml() == null ? null : images.rewrite(wiki.getWikiHtml(), site.hostNames());
        return new TagInfo(
                name,
                count,
                wiki.getExcerpt(),
                html,
                wiki.getExcerptNumber(),
                wiki.getWikiNumber(),
                wiki.lastEditedAt(),
                mine,
                synonymOf);
    }

    /** The excerpts of these tags that have one, by tag name: one query, for a page of tag cards. */
    public Map<String, String> excerpts(long siteId, List<String> names) {
        Map<String, String> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        em.createNamedQuery("TagWiki.excerpts", Object[].class)
                .setParameter("site", siteId)
                .setParameter("tags", names)
                .getResultStream()
                .forEach(row -> out.put((String) row[0], (String) row[1]));
        return out;
    }

    /** Whether {@code actor} may edit the site's tag wikis (false for anonymous callers). */
    public boolean mayEdit(Actor actor) {
        if (actor == null) {
            return false;
        }
        User user = em.find(User.class, actor.userId());
        return user != null
                && user.getSite().privileges().has(Privilege.EDIT_TAG_WIKIS, user.getReputation(), user.getRole());
    }

    /**
     * The excerpt and wiki source of tag {@code name}, for its edit form.
     *
     * @throws NotAllowedException unless the actor has the "Edit tag wikis" privilege
     * @throws NotFoundException when the site has no such tag
     */
    public TagWikiForEdit forEdit(Actor actor, String name) {
        User user = editor(actor);
        requireTag(user.getSite().getId(), name);
        TagWiki wiki = find(user.getSite().getId(), name);
        if (wiki == null) {
            return new TagWikiForEdit(name, "", "");
        }
        String source = wiki.getWikiMarkdown() != null
                ? wiki.getWikiMarkdown()
                : wiki.getWikiHtml() == null ? "" : wiki.getWikiHtml();
        return new TagWikiForEdit(name, Objects.toString(wiki.getExcerpt(), ""), source);
    }

    /**
     * Saves tag {@code name}'s excerpt (plain text) and wiki (Markdown), each part that changed as a revision.
     *
     * @throws NotAllowedException unless the actor has the "Edit tag wikis" privilege
     * @throws NotFoundException when the site has no such tag
     * @throws InvalidInputException under {@code excerpt}, {@code wiki} or {@code summary}: an excerpt over {@value
     *     TagWiki#MAX_EXCERPT} characters or with a line break, a wiki over {@value TagWiki#MAX_WIKI} characters, a
     *     summary over {@value #MAX_SUMMARY}; and for the whole form when nothing changed
     */
    public void edit(Actor actor, String name, String excerpt, String wikiMarkdown, String summary) {
        User user = editor(actor);
        long siteId = user.getSite().getId();
        requireTag(siteId, name);
        FieldChecks checks = new FieldChecks();
        String newExcerpt = checks.field("excerpt", () -> checkExcerpt(excerpt));
        String newWiki = checks.field("wiki", () -> checkWiki(wikiMarkdown));
        String comment = checks.field("summary", () -> checkSummary(summary));
        checks.done();
        Site site = posts.lockSite(siteId);
        TagWiki wiki = find(siteId, name);
        if (wiki == null) {
            wiki = new TagWiki(siteId, name);
            em.persist(wiki);
        }
        Instant now = Instant.now();
        boolean excerptChanged = !newExcerpt.equals(Objects.toString(wiki.getExcerpt(), ""));
        String oldSource =
                wiki.getWikiMarkdown() != null ? wiki.getWikiMarkdown() : Objects.toString(wiki.getWikiHtml(), "");
        boolean wikiChanged = !newWiki.equals(oldSource);
        if (!excerptChanged && !wikiChanged) {
            throw new InvalidInputException("Nothing changed: edit the excerpt or the wiki.");
        }
        if (excerptChanged) {
            boolean created = wiki.getExcerptNumber() == null;
            long number = created ? site.takePostNumber() : wiki.getExcerptNumber();
            wiki.excerptEdited(number, newExcerpt, user.getNumber(), now);
            revisions.bodyWritten(siteId, number, created, user.getNumber(), now, comment, newExcerpt);
        }
        if (wikiChanged) {
            boolean created = wiki.getWikiNumber() == null;
            long number = created ? site.takePostNumber() : wiki.getWikiNumber();
            wiki.wikiEdited(number, newWiki, markdown.toSafeHtml(newWiki, site.isMath()), user.getNumber(), now);
            revisions.bodyWritten(siteId, number, created, user.getNumber(), now, comment, newWiki);
        }
        changed.fire(new TagWikiChanged(siteId, name));
    }

    /**
     * Keeps a dump's tag wikis (for tags that have no wiki on the site yet): the excerpt as its text, the wiki's HTML
     * sanitised. Returns how many were added.
     */
    public int importWikis(long siteId, List<ImportedTagWiki> imported) {
        int added = 0;
        for (ImportedTagWiki w : imported) {
            if (find(siteId, w.tagName()) != null) {
                continue;
            }
            String html = w.wikiHtml() == null ? null : markdown.sanitize(w.wikiHtml());
            em.persist(new TagWiki(
                    siteId, w.tagName(), w.excerptNumber(), w.excerpt(), w.wikiNumber(), html, w.wikiMarkdown()));
            added++;
        }
        if (added > 0) {
            changed.fire(new TagWikiChanged(siteId, ""));
        }
        return added;
    }

    /** The tag wikis of a site changed here, for an export: their numbers and texts replace the dump's. */
    public List<TagWiki> editedHere(long siteId) {
        return em.createNamedQuery("TagWiki.editedBySite", TagWiki.class)
                .setParameter("site", siteId)
                .getResultList();
    }

    /** The excerpt as saved: stripped; empty is allowed (a tag may have only a wiki). */
    static String checkExcerpt(String excerpt) {
        String s = excerpt == null ? "" : excerpt.strip();
        if (s.length() > TagWiki.MAX_EXCERPT) {
            throw new InvalidInputException(
                    "An excerpt has at most " + TagWiki.MAX_EXCERPT + " characters; this one has " + s.length() + ".");
        }
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new InvalidInputException("An excerpt is one paragraph of plain text: remove the line breaks.");
        }
        return s;
    }

    /** The wiki's Markdown as saved: trailing white space stripped; empty is allowed. */
    static String checkWiki(String wiki) {
        String s = wiki == null ? "" : wiki.stripTrailing();
        if (s.length() > TagWiki.MAX_WIKI) {
            throw new InvalidInputException(
                    "A tag wiki has at most " + TagWiki.MAX_WIKI + " characters; this one has " + s.length() + ".");
        }
        return s;
    }

    private static String checkSummary(String summary) {
        String s = summary == null ? null : summary.strip();
        if (s != null && s.length() > MAX_SUMMARY) {
            throw new InvalidInputException(
                    "An edit summary has at most " + MAX_SUMMARY + " characters; this one has " + s.length() + ".");
        }
        return s == null || s.isEmpty() ? null : s;
    }

    private User editor(Actor actor) {
        if (actor == null) {
            throw new NotAllowedException("Log in to edit a tag wiki.");
        }
        User user = em.find(User.class, actor.userId());
        if (user == null) {
            throw new NotAllowedException("Log in to edit a tag wiki.");
        }
        user.getSite().privileges().require(Privilege.EDIT_TAG_WIKIS, user.getReputation(), user.getRole());
        return user;
    }

    private void requireTag(long siteId, String name) {
        if (name == null || tags.findByNames(siteId, List.of(name)).isEmpty()) {
            throw new NotFoundException("There is no tag \"" + name + "\" on this site.");
        }
    }

    private TagWiki find(long siteId, String name) {
        if (name == null) {
            return null;
        }
        return em.createNamedQuery("TagWiki.findByTag", TagWiki.class)
                .setParameter("site", siteId)
                .setParameter("tag", name)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
