package org.parley.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the WebJars for reading posts are served: KaTeX (math) and highlight.js (code), from the WAR's
 * {@code WEB-INF/lib} under {@code /webjars/<name>/<version>/}. The versions come from the jars themselves, so a
 * version bump in the POM needs no change here; the version in the path lets browsers cache them for good.
 */
@Named
@ApplicationScoped
public class ReadingAssets {

    private final String katex = "/webjars/katex/" + version("org.webjars.npm", "katex") + "/dist/";
    private final String highlight = "/webjars/highlightjs/" + version("org.webjars", "highlightjs") + "/";

    /** The KaTeX folder ({@code katex.min.js}, {@code katex.min.css}, fonts), relative to the context root. */
    public String getKatex() {
        return katex;
    }

    /** The highlight.js folder ({@code highlight.min.js}, {@code styles/}), relative to the context root. */
    public String getHighlight() {
        return highlight;
    }

    /** A question's tags as reading.js takes them: space-separated; null gives "". */
    public String tags(java.util.List<String> tags) {
        return tags == null ? "" : String.join(" ", tags);
    }

    private static String version(String group, String artifact) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ReadingAssets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The " + artifact + " WebJar is missing from the WAR: no " + path);
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
