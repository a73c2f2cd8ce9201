package org.parley.message.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.parley.message.DeliveryAudit;
import org.parley.site.SiteInfo;
import org.parley.site.web.SiteFilter;
import org.parley.web.OpsListener;

/**
 * For {@code scripts/bench.sh messages}: {@code GET /bench/messages?from=ID&to=ID} answers, as one flat JSON object,
 * how the messages of the Host header's site with ids in that range were delivered and notified, counted in the
 * database ({@link DeliveryAudit}). Answers only on the operators' listener ({@link OpsListener}), like every
 * {@code /bench} endpoint; bad numbers are a 400.
 */
@WebServlet("/bench/messages")
public class BenchMessagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private DeliveryAudit audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SiteInfo site = (SiteInfo) request.getAttribute(SiteFilter.ATTRIBUTE);
        if (site == null || !OpsListener.isOps(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long from;
        long to;
        try {
            from = Long.parseLong(String.valueOf(request.getParameter("from")).strip());
            to = Long.parseLong(String.valueOf(request.getParameter("to")).strip());
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "from and to must be message ids");
            return;
        }
        DeliveryAudit.Count c = audit.count(site.id(), from, to);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .printf(
                        "{\"messages\": %d, \"delivered\": %d, \"doubled\": %d, \"notified_once\": %d,"
                                + " \"notified_twice\": %d, \"notifications\": %d, \"min_deliveries\": %d,"
                                + " \"max_deliveries\": %d}%n",
                        c.messages(),
                        c.delivered(),
                        c.doubled(),
                        c.notified(),
                        c.notifiedTwice(),
                        c.notifications(),
                        c.minDeliveries(),
                        c.maxDeliveries());
    }
}
