package org.parley.testing;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * Test fixture: tells whether the session <em>attributes</em> of a session were written into the web application's
 * session cache, as WildFly's distributable session manager writes them (one cache entry per session with the
 * attributes in it, or one per attribute; the session's access time, which every request renews, lives in entries of
 * its own and is left out). {@code GET /test/session-writes?id=SESSION} (the cookie's value; the route after the dot is
 * ignored) answers a fingerprint of the session's attribute entries as the cache holds them: the identities of the
 * stored value objects, which a write replaces (the servlet fails when two looks in a row differ, i.e. when the cache
 * hands out copies), and, while a value is not marshalled yet (a single server), its attributes' names and classes
 * with the sizes of those that are maps ({@link #sizes}: e.g. how many views' state the session holds). Two equal fingerprints mean nothing was written in between. (Listeners
 * do not see these writes: the session manager makes them without notifications.)
 */
public final class SessionWrites {

    /** The session cache WildFly makes for the WAR (named after the deployment) in the "web" cache container. */
    static final String CACHE = "parley.ear.parley-web.war";

    private SessionWrites() {}

    /**
     * The sizes of the session's attributes that are maps, by name, from a {@link #of} fingerprint (empty where the
     * fingerprint names no attributes).
     */
    public static Map<String, Integer> sizes(String fingerprint) {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("([^\\[ ,]+):[^#, \\]]+#(\\d+)").matcher(fingerprint);
        while (m.find()) {
            sizes.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return sizes;
    }

    /** The fingerprint of the attribute entries of the session whose cookie {@code client} holds. */
    public static String of(PageClient client) throws IOException {
        String cookie = client.cookie("JSESSIONID");
        if (cookie == null) {
            throw new IOException("the client holds no session");
        }
        Http.Response r = Http.get("localhost", "/test/session-writes?id=" + cookie);
        if (r.status() != 200) {
            throw new IOException("/test/session-writes answered " + r.status() + ": " + r.body());
        }
        return r.body().strip();
    }

    /** {@code GET /test/session-writes?id=SESSION}: the fingerprint, as plain text ("none" without any entry). */
    @WebServlet("/test/session-writes")
    public static class Servlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Resource(lookup = "java:jboss/infinispan/container/web")
        private transient EmbeddedCacheManager web;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Cache<Object, Object> cache = web.getCache(CACHE, false);
            if (cache == null) {
                throw new IllegalStateException("no session cache " + CACHE + " in " + web.getCacheNames());
            }
            // The entries as stored: the cache's own conversions for callers expect the session manager's wrappers.
            Cache<Object, Object> sessions = cache.getAdvancedCache().withStorageMediaType();
            String id = request.getParameter("id");
            int dot = id.indexOf('.');
            String session = dot < 0 ? id : id.substring(0, dot);
            // The stored objects must be what is compared, not copies made for us: two looks in a row must agree.
            // A request's session write ends after its response was sent, so a look may fall into one: look again.
            String first = fingerprint(sessions, session);
            String second = fingerprint(sessions, session);
            for (int tries = 0; !first.equals(second) && tries < 20; tries++) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                first = second;
                second = fingerprint(sessions, session);
            }
            if (!first.equals(second)) {
                throw new IllegalStateException("the session cache gives copies, no fingerprint: " + first);
            }
            response.setContentType("text/plain");
            response.getWriter().print(first);
        }

        /** The identities of the value objects of the session's attribute entries, sorted, or "none". */
        private static String fingerprint(Cache<Object, Object> sessions, String session) {
            List<String> values = new ArrayList<>();
            for (Map.Entry<Object, Object> entry : sessions.entrySet()) {
                Object key = entry.getKey();
                // SessionAttributesKey (coarse) or SessionAttributeKey (fine); not the meta data or access entries.
                if (key.getClass().getSimpleName().startsWith("SessionAttribute") && session.equals(idOf(key))) {
                    values.add(key + "=" + System.identityHashCode(entry.getValue()) + contents(entry.getValue()));
                }
            }
            Collections.sort(values);
            return values.isEmpty() ? "none" : String.join(" ", values);
        }

        /**
         * What a stored value holds, where it still holds its object (a value not marshalled yet): the attributes' names
         * and classes, which tell a failed expectation what was written.
         */
        private static String contents(Object value) {
            for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
                for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                    if (f.getType() != Object.class || java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        Object held = f.get(value);
                        if (held instanceof Map<?, ?> attributes) {
                            List<String> names = new ArrayList<>();
                            attributes.forEach((k, v) -> names.add(k + ":"
                                    + (v == null ? null : v.getClass().getName())
                                    + (v instanceof Map<?, ?> m ? "#" + m.size() : "")));
                            Collections.sort(names);
                            return names.toString();
                        }
                        return held == null ? "" : "(" + held.getClass().getName() + ")";
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return "";
                    }
                }
            }
            return "";
        }

        private static String idOf(Object key) {
            try {
                Method getId = key.getClass().getMethod("getId");
                return String.valueOf(getId.invoke(key));
            } catch (ReflectiveOperationException e) {
                return String.valueOf(key);
            }
        }
    }
}
