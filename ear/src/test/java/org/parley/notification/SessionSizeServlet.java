package org.parley.notification;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Collections;
import java.util.TreeMap;

/**
 * Test only (added to the WAR by {@link NotificationsBrowserIT}): the caller's session attributes and the size of each
 * in Java serialization, one {@code name<TAB>bytes} line each and a {@code total} line, the state a cluster replicates.
 */
@WebServlet("/test/session-size")
public class SessionSizeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        HttpSession session = request.getSession(false);
        if (session == null) {
            response.getWriter().println("total\t0");
            return;
        }
        TreeMap<String, Integer> sizes = new TreeMap<>();
        for (String name : Collections.list(session.getAttributeNames())) {
            Object value = session.getAttribute(name);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            } catch (IOException e) {
                sizes.put(name + " (" + e + ")", -1);
                continue;
            }
            sizes.put(name + " [" + describe(value) + "]", bytes.size());
        }
        StringBuilder out = new StringBuilder();
        int total = 0;
        for (var e : sizes.entrySet()) {
            out.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
            total += Math.max(0, e.getValue());
        }
        out.append("total\t").append(total).append('\n');
        response.getWriter().print(out);
    }

    /** The value's class; for a CDI session bean (Weld's wrapper), the bean's own class. */
    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            Object instance = value.getClass().getMethod("getInstance").invoke(value);
            return instance == null
                    ? value.getClass().getName()
                    : instance.getClass().getName();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return value.getClass().getName();
        }
    }
}
