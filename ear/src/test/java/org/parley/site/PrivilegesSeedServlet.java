package org.parley.site;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.parley.common.Actor;
import org.parley.common.Role;

/**
 * For {@link PrivilegesBrowserIT}: {@code /test/privileges-seed?host=x.localhost&closeReopen=500} makes the site and
 * sets its close and reopen threshold through the admin's service call (an admin actor of that site).
 */
@WebServlet("/test/privileges-seed")
public class PrivilegesSeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private SiteService sites;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        SiteInfo site = sites.ensureSite(host, host.replace('.', '-'), "Privileges " + host, "Who may do what");
        int closeReopen = Integer.parseInt(request.getParameter("closeReopen"));
        sites.changePrivileges(
                new Actor(0, site.id(), Role.ADMIN), site.id(), Map.of(Privilege.CLOSE_REOPEN, closeReopen));
        response.setContentType("text/plain");
        response.getWriter().write(Long.toString(site.id()));
    }
}
