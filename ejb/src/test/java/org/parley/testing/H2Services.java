package org.parley.testing;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.stat.Statistics;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.parley.cache.SharedCache;
import org.parley.markdown.MarkdownRenderer;

/**
 * The EJB services wired by hand on Hibernate with a private in-memory H2 database: what the container would do
 * for injection and one transaction per service call, so mappings, queries, locks and service rules run in a plain
 * unit test. Each instance has its own database; close it after the test.
 */
public final class H2Services implements AutoCloseable {

    /** What the EJB jar's persistence unit finds by scanning. */
    private static final List<String> ENTITIES = List.of(
            "org.parley.site.Site",
            "org.parley.user.User",
            "org.parley.user.LoginToken",
            "org.parley.user.UserVisit",
            "org.parley.user.UserAvatar",
            "org.parley.tag.Tag",
            "org.parley.post.Post",
            "org.parley.post.Question",
            "org.parley.post.Answer",
            "org.parley.post.Comment",
            "org.parley.post.Vote",
            "org.parley.post.HeldReputation",
            "org.parley.post.RowVersionSequence",
            "org.parley.dump.DumpVote",
            "org.parley.dump.DumpPost",
            "org.parley.dump.DumpTag",
            "org.parley.dump.importer.DumpImport",
            "org.parley.dump.importer.DumpImportCount",
            "org.parley.badge.Badge",
            "org.parley.revision.PostRevision",
            "org.parley.link.PostLink",
            "org.parley.moderation.ModerationVote",
            "org.parley.flag.Flag",
            "org.parley.review.ReviewTask",
            "org.parley.review.Review",
            "org.parley.review.SuggestedEdit",
            "org.parley.submission.Submission",
            "org.parley.notification.Notification",
            "org.parley.notification.NotificationBox",
            "org.parley.tagwiki.TagWiki",
            "org.parley.tag.TagSynonym",
            "org.parley.tagwatch.TagWatch",
            "org.parley.accesslog.AccessLogEntry",
            "org.parley.accesslog.AccessStatistic");

    private final SessionFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final ThreadLocal<List<Synchronization>> synchronizations = ThreadLocal.withInitial(ArrayList::new);
    private final Map<Class<?>, Object> beans = new HashMap<>();

    /** Every event the services fired in committed or rolled-back calls, in order. */
    public final List<Object> events = new CopyOnWriteArrayList<>();

    /** Observers of committed events ({@code @Observes(during = AFTER_SUCCESS)}) of the beans created so far. */
    private final List<Observer> afterSuccess = new CopyOnWriteArrayList<>();

    /** Observers called as the event is fired, in the firing transaction (a plain {@code @Observes}). */
    private final List<Observer> inProgress = new CopyOnWriteArrayList<>();

    private record Observer(Object bean, java.lang.reflect.Method method, Class<?> type) {}

    public H2Services() {
        this("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "create-drop", true);
    }

    /**
     * On the database at {@code url} (e.g. a file database a benchmark keeps between runs), with {@code schema} as
     * {@code hibernate.hbm2ddl.auto}: {@code create} makes the schema, {@code none} takes it as it is. Without
     * statistics, which log every session.
     */
    public H2Services(String url, String schema) {
        this(url, schema, false);
    }

    /**
     * Like {@link #H2Services(String, String)} on another database Hibernate knows by its URL, e.g. a PostgreSQL one
     * (the import's tests and probe on the cluster's database), as {@code user} with {@code password}.
     */
    public H2Services(String url, String user, String password, String schema) {
        this(url, user, password, schema, false);
    }

    private H2Services(String url, String schema, boolean statistics) {
        this(url, "sa", null, schema, statistics);
    }

    private H2Services(String url, String user, String password, String schema, boolean statistics) {
        Configuration cfg = new Configuration();
        for (String entity : ENTITIES) {
            try {
                cfg.addAnnotatedClass(Class.forName(entity));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        cfg.setProperty("hibernate.connection.url", url);
        cfg.setProperty("hibernate.connection.username", user);
        if (password != null) {
            cfg.setProperty("hibernate.connection.password", password);
        }
        cfg.setProperty("hibernate.hbm2ddl.auto", schema);
        cfg.setProperty("hibernate.default_batch_fetch_size", "64");
        cfg.setProperty("hibernate.generate_statistics", String.valueOf(statistics));
        // The import harness runs the job's five side-by-side flows on a connection each, beside its own.
        cfg.setProperty("hibernate.connection.pool_size", "10");
        // As in persistence.xml.
        cfg.setProperty("hibernate.jdbc.batch_size", "50");
        cfg.setProperty("hibernate.order_inserts", "true");
        cfg.setProperty("hibernate.order_updates", "true");
        // As WildFly's Hibernate holds them: named queries to the JPA specification (e.g. no alias on a fetch join),
        // so that a query the server would refuse at deployment fails here first.
        cfg.setProperty("hibernate.jpa.compliance.query", "true");
        // The Jakarta EE API jar brings JSON-B and JAXB APIs without implementations; no entity maps JSON or XML.
        cfg.setProperty("hibernate.type.json_format_mapper", NoFormatMapper.class.getName());
        cfg.setProperty("hibernate.type.xml_format_mapper", NoFormatMapper.class.getName());
        factory = cfg.buildSessionFactory();
        beans.put(EntityManager.class, proxy(EntityManager.class, (m, args) -> m.invoke(requireCurrent(), args)));
        beans.put(MarkdownRenderer.class, MarkdownRenderer.shared());
        // The shared tier without Infinispan: L1 only, as one JVM would have it.
        beans.put(SharedCache.class, SharedCache.withoutL2(System::nanoTime));
        beans.put(Event.class, proxy(Event.class, (m, args) -> {
            if (m.getName().equals("fire")) {
                events.add(args[0]);
                for (Observer observer : inProgress) {
                    if (observer.type().isInstance(args[0])) {
                        try {
                            observer.method().invoke(observer.bean(), args[0]);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                }
                return null;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
        beans.put(
                TransactionSynchronizationRegistry.class, proxy(TransactionSynchronizationRegistry.class, (m, args) -> {
                    if (m.getName().equals("registerInterposedSynchronization")) {
                        synchronizations.get().add((Synchronization) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                }));
    }

    /**
     * Makes {@code bean} the one injected wherever a {@code type} is wanted, for what this class cannot create itself
     * (a bean whose resources are the container's, such as a datasource, or an interface the container implements).
     *
     * @throws IllegalStateException when a bean of that type exists already
     */
    public synchronized <T> void provide(Class<T> type, T bean) {
        if (beans.putIfAbsent(type, bean) != null) {
            throw new IllegalStateException("A " + type.getName() + " exists already");
        }
    }

    /** The bean of this class, created once with its fields injected by type, as CDI and EJB would. */
    public synchronized <T> T bean(Class<T> type) {
        Object existing = beans.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            T bean = constructor.newInstance();
            beans.put(type, bean);
            registerObservers(bean);
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())
                            || field.getType().isPrimitive()) {
                        continue;
                    }
                    if (field.isAnnotationPresent(jakarta.inject.Inject.class)
                            || field.isAnnotationPresent(jakarta.persistence.PersistenceContext.class)
                            || field.isAnnotationPresent(jakarta.annotation.Resource.class)
                            || field.isAnnotationPresent(jakarta.ejb.EJB.class)) {
                        field.setAccessible(true);
                        field.set(bean, bean(field.getType()));
                    }
                }
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type, e);
        }
    }

    private void registerObservers(Object bean) {
        for (Class<?> c = bean.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Method method : c.getDeclaredMethods()) {
                if (method.getParameterCount() != 1) {
                    continue;
                }
                jakarta.enterprise.event.Observes observes =
                        method.getParameters()[0].getAnnotation(jakarta.enterprise.event.Observes.class);
                if (observes == null) {
                    continue;
                }
                method.setAccessible(true);
                Observer observer = new Observer(bean, method, method.getParameterTypes()[0]);
                if (observes.during() == jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS) {
                    afterSuccess.add(observer);
                } else if (observes.during() == jakarta.enterprise.event.TransactionPhase.IN_PROGRESS) {
                    inProgress.add(observer);
                }
            }
        }
    }

    /**
     * Runs {@code work} in one transaction, like a call of a {@code @Stateless} method; rolls back on any exception.
     * After a commit, the events fired inside go to the {@code AFTER_SUCCESS} observers of the beans made here, each
     * in a transaction of its own, as the container would deliver them.
     */
    public <T> T tx(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        int firstEvent = events.size();
        T result = transaction(work);
        List<Object> fired = new ArrayList<>(events.subList(firstEvent, events.size()));
        for (Object event : fired) {
            for (Observer observer : afterSuccess) {
                if (observer.type().isInstance(event)) {
                    run(() -> {
                        try {
                            observer.method().invoke(observer.bean(), event);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        }
        return result;
    }

    private <T> T transaction(Supplier<T> work) {
        EntityManager em = factory.createEntityManager();
        current.set(em);
        synchronizations.get().clear();
        int status = Status.STATUS_ROLLEDBACK;
        try {
            em.getTransaction().begin();
            T result = work.get();
            em.getTransaction().commit();
            status = Status.STATUS_COMMITTED;
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
            current.remove();
            for (Synchronization s : synchronizations.get()) {
                s.afterCompletion(status);
            }
            synchronizations.get().clear();
        }
    }

    public void run(Runnable work) {
        tx(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Registers {@code name} on site {@code siteId} with {@code role} and password {@code password}, gives the account
     * {@code reputation}, and returns it as an actor (for tests whose users need some privileges and not others).
     */
    public org.parley.common.Actor user(
            long siteId, String name, String password, org.parley.common.Role role, int reputation) {
        org.parley.user.UserService users = bean(org.parley.user.UserService.class);
        tx(() -> users.createUser(siteId, name, "User " + name, password, role));
        org.parley.common.Actor actor = tx(() -> users.actorFor(siteId, name).orElseThrow());
        run(() -> {
            org.parley.user.User u = bean(EntityManager.class).find(org.parley.user.User.class, actor.userId());
            u.changeReputation(reputation - u.getReputation());
        });
        return actor;
    }

    /** {@code actor}'s reputation, read now. */
    public int reputation(org.parley.common.Actor actor) {
        return tx(() -> bean(EntityManager.class)
                .find(org.parley.user.User.class, actor.userId())
                .getReputation());
    }

    /** Statement counts and the like; {@link Statistics#clear()} before the part to measure. */
    public Statistics statistics() {
        return factory.getStatistics();
    }

    /** An entity manager on the same database outside the services, for assertions; close it. */
    public EntityManager direct() {
        return factory.createEntityManager();
    }

    private EntityManager requireCurrent() {
        EntityManager em = current.get();
        if (em == null) {
            throw new IllegalStateException("Call services inside tx(...)");
        }
        return em;
    }

    private interface Handler {
        Object handle(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(
                H2Services.class.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(p);
                            case "equals" -> p == args[0];
                            default -> type.getSimpleName() + " stub";
                        };
                    }
                    try {
                        return handler.handle(method, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    /** Stands in for Hibernate's JSON and XML mappers, which nothing here uses. */
    public static final class NoFormatMapper implements FormatMapper {

        @Override
        public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
            throw new UnsupportedOperationException("No JSON or XML mapping in Parley's entities");
        }

        @Override
        public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
            throw new UnsupportedOperationException("No JSON or XML mapping in Parley's entities");
        }
    }

    /** The Hibernate session factory, for tests that also need plain JDBC (e.g. the dump importer). */
    public SessionFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        factory.close();
    }
}
