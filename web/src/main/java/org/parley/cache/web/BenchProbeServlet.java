package org.parley.cache.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.HdrHistogram.Histogram;
import org.parley.cache.SharedCache;
import org.parley.web.OpsListener;

/**
 * For {@code scripts/bench.sh pages}: {@code /bench/cache-probe?gets=20000} times that many L1 and L2 lookups of one
 * 32 KB entry on one thread ({@link SharedCache#probe}) and answers their p50/p99/max in microseconds as one JSON
 * object. Answers only the operators' listener ({@link OpsListener}); a bad {@code gets} is a 400.
 */
@WebServlet("/bench/cache-probe")
public class BenchProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private SharedCache cache;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!OpsListener.isOps(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int gets;
        try {
            gets = Integer.parseInt(request.getParameter("gets") == null ? "20000" : request.getParameter("gets"));
            if (gets < 1 || gets > 1_000_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "gets must be a number from 1 to 1000000");
            return;
        }
        Map<String, Histogram> times = cache.probe(gets);
        StringJoiner json = new StringJoiner(", ", "{", "}\n");
        json.add("\"gets\": " + gets);
        times.forEach((name, h) -> {
            json.add(String.format(Locale.ROOT, "\"%s_p50_us\": %.3f", name, h.getValueAtPercentile(50) / 1000.0));
            json.add(String.format(Locale.ROOT, "\"%s_p99_us\": %.3f", name, h.getValueAtPercentile(99) / 1000.0));
            json.add(String.format(Locale.ROOT, "\"%s_max_us\": %.3f", name, h.getMaxValue() / 1000.0));
        });
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json.toString());
    }
}
