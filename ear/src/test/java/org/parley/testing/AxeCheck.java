package org.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the npm WebJar on the test classpath) on the page a browser shows and reports the serious and
 * critical violations, and skipped heading levels (heading-order, "moderate" to axe but required of our pages),
 * each with its rule, impact and the elements it found, so a failing test says what to fix.
 */
public final class AxeCheck {

    private static final String SOURCE = load();

    private AxeCheck() {}

    /** The serious, critical and heading-order violations on the current page, one line each (empty when none). */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(r.violations.filter(function (v) {
                    return v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order';
                  }).map(function (v) {
                    return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) {
                      return n.target.join(' ') + ' -- ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
                    }), count: v.nodes.length};
                  }));
                }, function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: [], count: 0}]); });
                """);
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) result) {
            Map<String, Object> v = (Map<String, Object>) o;
            out.add(v.get("id") + " (" + v.get("impact") + ", " + v.get("count") + "x): " + v.get("help") + " "
                    + v.get("nodes"));
        }
        return out;
    }

    /** A failure message for {@code page}'s violations, or null when there are none. */
    public static String report(String page, List<String> violations) {
        return violations.isEmpty() ? null : page + ": " + String.join("\n  ", violations);
    }

    private static String load() {
        ClassLoader cl = AxeCheck.class.getClassLoader();
        String pom = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
        try (InputStream props = cl.getResourceAsStream(pom)) {
            if (props == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: no " + pom);
            }
            Properties p = new Properties();
            p.load(props);
            String path = "META-INF/resources/webjars/axe-core/" + p.getProperty("version") + "/axe.min.js";
            try (InputStream in = cl.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("No " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
