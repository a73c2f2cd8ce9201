package org.parley.site;

import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Optional;
import org.parley.user.Actor;

/** Finding sites by host name and creating new ones. */
@Stateless
public class SiteService {

  /**
   * The site served on {@code host} (a Host header without port; case and a trailing port are ignored). Answers
   * come from a bounded cache that creating a site clears.
   *
   * @return empty for an unknown, null or malformed host
   */
  public Optional<SiteInfo> findByHost(String host) {
    throw new UnsupportedOperationException("not yet");
  }

  /** All sites, ordered by host. */
  public List<SiteInfo> list() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Creates a site. Only admins may.
   *
   * @throws org.parley.rules.NotAllowedException when {@code actor} is null or not an admin
   * @throws org.parley.rules.InvalidInputException for a malformed host, name, title or description
   * @throws org.parley.rules.ConflictException when the host is taken
   */
  public SiteInfo create(Actor actor, String host, String name, String title, String description) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * The site on {@code host}, created with the given name, title and description if it does not exist yet (an
   * existing site is returned unchanged). For start-up code; no permission check.
   *
   * @throws org.parley.rules.InvalidInputException for malformed values of a site to be created
   */
  public SiteInfo ensureSite(String host, String name, String title, String description) {
    throw new UnsupportedOperationException("not yet");
  }
}
