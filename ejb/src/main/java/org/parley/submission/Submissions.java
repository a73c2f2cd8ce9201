package org.parley.submission;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.parley.common.Actor;
import org.parley.rules.ConflictException;

/**
 * The records of carried-out submissions in one persistence context: looking a key up and recording one. Results are
 * read back only from rows this server wrote, and only as Parley's own types and the JDK's value types.
 */
public final class Submissions {

    /** How long a submission is remembered: far longer than any retry or a person's second press. */
    public static final Duration KEPT = Duration.ofDays(1);

    private static final ObjectInputFilter RESULT_TYPES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=10000;maxbytes=1000000;org.parley.**;java.lang.*;java.util.*;java.time.*;!*");

    private final EntityManager em;

    public Submissions(EntityManager em) {
        this.em = em;
    }

    /**
     * What the submission {@code key} returned when it was carried out, if it was: {@code Optional.of(result)} (an
     * empty {@code Optional} inside for a method that returned null), or empty when the key is new. Locks nothing: a
     * replay comes after the server that had the submission is gone, whose transaction has ended one way or the other.
     *
     * @throws ConflictException when the key was used by another user or on another site
     */
    public Optional<Optional<Object>> find(String key, Actor actor) {
        Submission done = em.find(Submission.class, key);
        if (done == null) {
            return Optional.empty();
        }
        if (done.getUserId() != actor.userId() || done.getSiteId() != actor.siteId()) {
            throw new ConflictException("This submission was already made by someone else.");
        }
        return Optional.of(Optional.ofNullable(read(done.getResult())));
    }

    /** Records that submission {@code key} of {@code actor} was carried out and returned {@code result}. */
    public void record(String key, Actor actor, Object result, Instant now) {
        em.persist(new Submission(key, actor.siteId(), actor.userId(), now, write(result)));
    }

    /** Forgets the submissions made before {@code now} minus {@link #KEPT}; returns how many. */
    public int forgetOld(Instant now) {
        return em.createNamedQuery("Submission.deleteBefore")
                .setParameter("before", now.minus(KEPT))
                .executeUpdate();
    }

    static byte[] write(Object result) {
        if (result == null) {
            return null;
        }
        if (!(result instanceof Serializable)) {
            throw new IllegalArgumentException("A submission's result must be serializable: " + result.getClass());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object read(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(RESULT_TYPES);
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("A submission's stored result cannot be read", e);
        }
    }
}
