package org.parley.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.post.QuestionService;
import org.parley.post.QuestionSummary;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.testing.Http;
import org.parley.testing.ParleyDeployment;
import org.parley.user.Actor;
import org.parley.user.Role;
import org.parley.user.UserService;

/** Anonymous pages from the output cache: hits without sessions, 304s, and no stale page once a write returned. */
@ExtendWith(ArquillianExtension.class)
class OutputCacheIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return ParleyDeployment.ear(OutputCacheIT.class, Http.class);
  }

  @EJB SiteService sites;
  @EJB UserService users;
  @EJB QuestionService questions;

  @Test
  void anAnonymousQuestionPageIsCachedRevalidatedAndInvalidated() throws Exception {
    String name = ParleyDeployment.unique("oc");
    String host = name + ".localhost";
    SiteInfo site = sites.ensureSite(host, name, "Output " + name, "A site for one test");
    users.createUser(site.id(), "asker", "Asker", "correct-horse-battery", Role.USER);
    Actor asker = users.actorFor(site.id(), "asker").orElseThrow();
    QuestionSummary q =
        questions.ask(asker, "Is this page served from the output cache?", "A body long enough to be a real question.",
            List.of("cache"));
    String path = "/questions/" + q.number() + "/" + q.slug();

    Http.Response first = Http.get(host, path);
    assertEquals(200, first.status());
    assertEquals("miss", first.header("X-Parley-Cache"));
    assertTrue(first.body().contains("value=\"stateless\""), "anonymous pages keep no view state in a session");

    Http.Response second = Http.get(host, path);
    assertEquals("hit", second.header("X-Parley-Cache"));
    assertEquals(first.body(), second.body());
    assertNull(second.header("Set-Cookie"), "a cached hit starts no session");
    String etag = second.header("ETag");
    assertNotNull(etag);
    assertNotNull(second.header("Last-Modified"));

    Http.Response revalidated = Http.get(host, path, Map.of("If-None-Match", etag));
    assertEquals(304, revalidated.status());
    assertEquals("", revalidated.body());

    questions.edit(asker, q.number(), q.title(), "A body long enough to be a real question, edited since.",
        List.of("cache", "edited"));
    Http.Response after = Http.get(host, path, Map.of("If-None-Match", etag));
    assertEquals(200, after.status(), "the edit changed the page, so the old ETag no longer matches");
    assertEquals("miss", after.header("X-Parley-Cache"));
    assertTrue(after.body().contains("edited since"), "no stale page once the write returned");

    Http.Response tagged = Http.get(host, "/questions/tagged/edited");
    assertTrue(tagged.body().contains(q.title()), "lists show the edit too");
  }

  @Test
  void pagesOfTwoSitesAreCachedApart() throws Exception {
    String a = ParleyDeployment.unique("oa");
    String b = ParleyDeployment.unique("ob");
    sites.ensureSite(a + ".localhost", a, "Site " + a, "");
    sites.ensureSite(b + ".localhost", b, "Site " + b, "");
    Http.get(a + ".localhost", "/");
    assertTrue(Http.get(a + ".localhost", "/").body().contains("Site " + a));
    assertTrue(Http.get(b + ".localhost", "/").body().contains("Site " + b));
  }

  @Test
  void unknownParametersAreNotCached() throws Exception {
    Http.Response r = Http.get("localhost", "/questions?utm_source=x");
    assertEquals(200, r.status());
    assertNull(r.header("X-Parley-Cache"));
  }
}
