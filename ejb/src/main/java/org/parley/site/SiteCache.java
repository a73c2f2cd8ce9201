package org.parley.site;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Host to site lookups for every request, kept in memory. Bounded in size (least recently used out) and in
 * lifetime, so a flood of made-up Host headers cannot grow it and a site created on another node shows up within
 * {@link #TTL}. Unknown hosts are cached too, as empty.
 */
@ApplicationScoped
public class SiteCache {

  static final int MAX_ENTRIES = 1_000;
  static final Duration TTL = Duration.ofMinutes(5);

  private record Entry(Optional<SiteInfo> site, long expiresAtNanos) {}

  private final LongSupplier clock;
  private final Map<String, Entry> entries =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  public SiteCache() {
    this(System::nanoTime);
  }

  SiteCache(LongSupplier clock) {
    this.clock = clock;
  }

  /** The cached answer for {@code host}, loading (outside the lock) and caching it when missing or expired. */
  public Optional<SiteInfo> get(String host, Function<String, Optional<SiteInfo>> loader) {
    long now = clock.getAsLong();
    synchronized (entries) {
      Entry entry = entries.get(host);
      if (entry != null && now - entry.expiresAtNanos() < 0) {
        return entry.site();
      }
    }
    Optional<SiteInfo> loaded = loader.apply(host);
    synchronized (entries) {
      entries.put(host, new Entry(loaded, now + TTL.toNanos()));
    }
    return loaded;
  }

  /** Forgets everything, e.g. after a site was created. */
  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
