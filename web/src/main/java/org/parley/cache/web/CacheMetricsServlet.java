package org.parley.cache.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.parley.cache.SharedCache;
import org.parley.cache.StatsSnapshot;
import org.parley.web.OpsListener;

/**
 * The cache statistics as metrics, in Prometheus' text format ({@code /metrics/cache}): one series per STAT, labelled
 * with the cache and the server, e.g. {@code parley_cache_get_hits{cache="l2",server="node1"} 42}. Answers only
 * requests on the operators' listener ({@link OpsListener}: loopback, its own port); others get a 404.
 */
@WebServlet("/metrics/cache")
public class CacheMetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private SharedCache cache;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!OpsListener.isOps(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        write(cache.stats(), response.getWriter());
    }

    static void write(List<StatsSnapshot> stats, PrintWriter out) {
        if (stats.isEmpty()) {
            return;
        }
        for (String name : stats.get(0).stats().keySet()) {
            String metric = "parley_cache_" + name;
            out.printf(Locale.ROOT, "# TYPE %s %s%n", metric, gauge(name) ? "gauge" : "counter");
            for (StatsSnapshot s : stats) {
                out.printf(
                        Locale.ROOT,
                        "%s{cache=\"%s\",server=\"%s\"} %s%n",
                        metric,
                        s.cache(),
                        s.server(),
                        s.stats().get(name));
            }
        }
    }

    private static boolean gauge(String stat) {
        return switch (stat) {
            case "curr_items",
                    "bytes",
                    "hit_ratio",
                    "mean_get_us",
                    "get_p50_us",
                    "get_p99_us",
                    "get_max_us",
                    "uptime" -> true;
            default -> false;
        };
    }
}
