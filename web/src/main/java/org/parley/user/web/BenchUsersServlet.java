package org.parley.user.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.common.Role;
import org.parley.rules.ConflictException;
import org.parley.rules.InvalidInputException;
import org.parley.site.SiteInfo;
import org.parley.site.web.SiteFilter;
import org.parley.user.UserService;
import org.parley.web.OpsListener;

/**
 * For {@code scripts/bench.sh pages}: {@code POST /bench/users} with {@code count=64&password=...} makes sure the
 * site the Host header names has plain users {@code bench-user-1} to {@code bench-user-64} (those missing are created
 * with that password, those there are left alone) and answers one line per user, {@code NAME created} or
 * {@code NAME exists}. The benchmark then logs each in through the log-in form, as a person would.
 *
 * <p>It exists because sign-ups are limited per client address (LoginThrottle), which a benchmark on loopback must
 * not loosen for everyone. It answers only requests on the operators' listener ({@link OpsListener}), like every
 * {@code /bench} endpoint, and makes nothing but {@link Role#USER} accounts of one fixed name pattern, which are no
 * more than anyone could make by signing up; their password is the caller's. A bad count or password is a 400.
 */
@WebServlet("/bench/users")
public class BenchUsersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger log = Logger.getLogger(BenchUsersServlet.class.getName());
    static final int MAX_USERS = 256;
    static final String PREFIX = "bench-user-";

    @EJB
    private UserService users;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SiteInfo site = (SiteInfo) request.getAttribute(SiteFilter.ATTRIBUTE);
        if (site == null || !OpsListener.isOps(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int count;
        try {
            count = count(request.getParameter("count"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "count must be a number from 1 to " + MAX_USERS);
            return;
        }
        String password = request.getParameter("password");
        List<String> lines = new ArrayList<>(count);
        int created = 0;
        try {
            for (String name : names(count)) {
                if (users.ref(site.id(), name).isPresent()) {
                    lines.add(name + " exists");
                } else {
                    try {
                        users.createUser(site.id(), name, displayName(name), password, Role.USER);
                        lines.add(name + " created");
                        created++;
                    } catch (ConflictException another) { // a second run at the same time made it first
                        lines.add(name + " exists");
                    }
                }
            }
        } catch (InvalidInputException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        log.log(Level.INFO, "Benchmark users on site {0}: {1} created, {2} there already", new Object[] {
            site.host(), created, count - created
        });
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        lines.forEach(out::println);
    }

    /** The {@code count} parameter: 1 to {@value #MAX_USERS}. */
    static int count(String parameter) {
        int count = Integer.parseInt(parameter == null ? "" : parameter.strip());
        if (count < 1 || count > MAX_USERS) {
            throw new NumberFormatException(parameter);
        }
        return count;
    }

    /** The usernames of the first {@code count} benchmark users. */
    static List<String> names(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(PREFIX + i);
        }
        return names;
    }

    static String displayName(String name) {
        return String.format(Locale.ROOT, "Bench user %s", name.substring(PREFIX.length()));
    }
}
