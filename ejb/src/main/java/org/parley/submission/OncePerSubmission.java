package org.parley.submission;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.parley.common.Actor;

/**
 * Interceptor for a service method that writes ({@code @Interceptors(OncePerSubmission.class)}), whose first argument
 * is the acting {@link Actor}: when the request carries a submission key ({@link SubmissionKey}) that was carried out
 * before, the method is not run again and what it returned then is returned; otherwise the method runs and the key is
 * recorded with its result in the method's transaction (the container's transaction begins before interceptors run),
 * so that a write rolled back leaves no record and a committed one always has it. Without a key, or for an anonymous
 * actor, the method simply runs.
 */
public class OncePerSubmission {

    @PersistenceContext(unitName = "parley")
    private EntityManager em;

    @AroundInvoke
    public Object once(InvocationContext call) throws Exception {
        String key = SubmissionKey.take();
        Object[] args = call.getParameters();
        Actor actor = args.length > 0 && args[0] instanceof Actor a ? a : null;
        if (key == null || actor == null || actor.userId() <= 0) {
            return call.proceed();
        }
        Submissions submissions = new Submissions(em);
        Optional<Optional<Object>> done = submissions.find(key, actor);
        if (done.isPresent()) {
            return done.get().orElse(null);
        }
        Object result = call.proceed();
        submissions.record(key, actor, result, Instant.now());
        return result;
    }
}
