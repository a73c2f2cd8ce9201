package org.parley.cache;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.post.ViewCounter;

/**
 * Counts question views served from the output cache in memory and adds them to the rows every few seconds, one
 * update per question: a cached page costs no message and no write. Bounded: beyond {@link #MAX_QUESTIONS} distinct
 * questions between two flushes, views go through {@link ViewCounter} one by one. Views counted here are lost if
 * the server dies before the next flush (at most {@code FLUSH_SECONDS} of them).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ViewTally {

  static final int MAX_QUESTIONS = 10_000;
  private static final Logger log = Logger.getLogger(ViewTally.class.getName());

  private record Question(long siteId, long number) {}

  private final Map<Question, LongAdder> pending = new ConcurrentHashMap<>();

  @Inject private ViewCounter fallback;

  @PersistenceContext(unitName = "parley")
  private EntityManager em;

  /** Counts one view of a question; cheap, no I/O. */
  public void count(long siteId, long number) {
    Question q = new Question(siteId, number);
    LongAdder adder = pending.get(q);
    if (adder == null) {
      if (pending.size() >= MAX_QUESTIONS) {
        fallback.countView(siteId, number);
        return;
      }
      adder = pending.computeIfAbsent(q, k -> new LongAdder());
    }
    adder.increment();
  }

  /** Adds the views counted since the last flush, in this call's transaction; an unknown question is ignored. */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  public void flush() {
    int questions = 0;
    for (Question q : pending.keySet()) {
      LongAdder adder = pending.remove(q);
      long views = adder == null ? 0 : adder.sum();
      if (views > 0) {
        em.createQuery(
                "update Question q set q.viewCount = q.viewCount + :views"
                    + " where q.site.id = :site and q.number = :number")
            .setParameter("views", views)
            .setParameter("site", q.siteId())
            .setParameter("number", q.number())
            .executeUpdate();
        questions++;
      }
    }
    if (questions > 0) {
      log.log(Level.FINE, "Added cached page views to {0} questions", questions);
    }
  }
}
