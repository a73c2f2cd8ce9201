package org.parley.seed;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/** Seeds the default site and, unless {@code -Dparley.seed=false}, demo sites with generated content. */
@Singleton
@Startup
public class DemoContent {

  @PostConstruct
  void seed() {
    // Filled in with the entities.
  }
}
