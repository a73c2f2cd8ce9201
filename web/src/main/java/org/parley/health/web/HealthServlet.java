package org.parley.health.web;

import jakarta.ejb.EJB;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.parley.common.ClusterNode;
import org.parley.common.JsonProviders;
import org.parley.health.HealthService;
import org.parley.web.OpsListener;

/**
 * {@code GET /health}: 200 with {@code "status":"UP"} when every check passes, 503 otherwise, with one entry per
 * check and the name of the server that answered ({@code "node"}, which tells an operator or a test where a load
 * balancer sent the request). It answers for any Host header, since load balancers probe by address. The checks'
 * details (database, broker, the cache's members) are for operators only, on the operators' listener
 * ({@link OpsListener}); everyone else learns up or down and the node.
 */
@WebServlet(urlPatterns = "/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private HealthService health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, HealthService.Check> checks = health.check();
        boolean up = checks.values().stream().allMatch(HealthService.Check::up);
        JsonObjectBuilder details = JsonProviders.JSON.createObjectBuilder();
        checks.forEach((name, check) -> details.add(
                name,
                JsonProviders.JSON
                        .createObjectBuilder()
                        .add("status", check.up() ? "UP" : "DOWN")
                        .add("detail", check.detail())));
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(JsonProviders.JSON
                        .createObjectBuilder()
                        .add("status", up ? "UP" : "DOWN")
                        .add("node", ClusterNode.name())
                        .add("checks", OpsListener.isOps(request) ? details : JsonProviders.JSON.createObjectBuilder())
                        .build()
                        .toString());
    }
}
