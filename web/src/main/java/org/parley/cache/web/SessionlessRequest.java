package org.parley.cache.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A request of an anonymous visitor to a public page: whatever asks it for a session (Faces' view scope does, even for
 * a transient view) gets one that lives only as long as this request. The container never sees it, so no session is
 * stored, replicated or announced with a {@code Set-Cookie}, and the rendered page can be cached and served to
 * everyone. Safe only for pages whose output names nothing kept in a session: the public pages render stateless views
 * for anonymous visitors (see {@link OutputCacheFilter}).
 */
final class SessionlessRequest extends HttpServletRequestWrapper {

    private RequestLocalSession session;

    SessionlessRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (session == null && create) {
            session = new RequestLocalSession(getServletContext());
        }
        return session;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public String changeSessionId() {
        if (session == null) {
            throw new IllegalStateException("No session");
        }
        session = new RequestLocalSession(getServletContext(), session.attributes);
        return session.getId();
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    /** Whether anything asked for a session during this request (for tests and logs). */
    boolean sessionAsked() {
        return session != null;
    }

    /** A session in this request's memory only: attributes work, nothing outlives the request. */
    static final class RequestLocalSession implements HttpSession {
        private final ServletContext context;
        private final String id = "request-" + UUID.randomUUID();
        private final long created = System.currentTimeMillis();
        private final Map<String, Object> attributes;
        private int maxInactive = 60;

        RequestLocalSession(ServletContext context) {
            this(context, new HashMap<>());
        }

        private RequestLocalSession(ServletContext context, Map<String, Object> attributes) {
            this.context = context;
            this.attributes = attributes;
        }

        @Override
        public long getCreationTime() {
            return created;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public long getLastAccessedTime() {
            return created;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            maxInactive = interval;
        }

        @Override
        public int getMaxInactiveInterval() {
            return maxInactive;
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public void invalidate() {
            attributes.clear();
        }

        @Override
        public boolean isNew() {
            return true;
        }
    }
}
