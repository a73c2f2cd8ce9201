package org.parley.search.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.parley.search.SearchBench;
import org.parley.site.SiteInfo;
import org.parley.site.SiteService;
import org.parley.web.OpsListener;

/**
 * For {@code scripts/bench.sh search}: {@code /bench/search?host=beer.localhost&iterations=200&aggregations=20} runs
 * {@link SearchBench} on that site and answers its figures as one flat JSON object; {@code only=related,similar}
 * runs only those figures ({@code analytics} for all the analytics ones). Answers only the operators' listener (OpsListener); an
 * unknown host or a bad number is a 400.
 */
@WebServlet("/bench/search")
public class BenchSearchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private SearchBench bench;

    @EJB
    private SiteService sites;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!OpsListener.isOps(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SiteInfo site =
                sites.findByHost(String.valueOf(request.getParameter("host"))).orElse(null);
        if (site == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "host must name a site of this server");
            return;
        }
        int iterations;
        int aggregations;
        try {
            iterations = number(request, "iterations", 200);
            aggregations = number(request, "aggregations", 20);
        } catch (NumberFormatException e) {
            response.sendError(
                    HttpServletResponse.SC_BAD_REQUEST, "iterations and aggregations must be numbers from 1 to 100000");
            return;
        }
        String only = request.getParameter("only");
        Set<String> names = only == null || only.isBlank()
                ? Set.of()
                : Arrays.stream(only.split(","))
                        .map(String::strip)
                        .filter(n -> !n.isEmpty())
                        .collect(Collectors.toSet());
        Map<String, Double> figures = bench.run(site.id(), iterations, aggregations, names);
        StringJoiner json = new StringJoiner(", ", "{", "}\n");
        figures.forEach((name, value) -> json.add(String.format(Locale.ROOT, "\"%s\": %.3f", name, value)));
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(json.toString());
    }

    private static int number(HttpServletRequest request, String name, int otherwise) {
        String value = request.getParameter(name);
        int n = value == null ? otherwise : Integer.parseInt(value);
        if (n < 1 || n > 100_000) {
            throw new NumberFormatException(name);
        }
        return n;
    }
}
