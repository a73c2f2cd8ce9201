package org.parley.cache.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.user.PictureHosts;

class SecurityHeadersFilterTest {

    /** The value of {@code directive} in {@code policy}, without its name. */
    private static String directive(String policy, String directive) {
        for (String d : policy.split(";")) {
            if (d.strip().startsWith(directive + " ")) {
                return d.strip().substring(directive.length() + 1);
            }
        }
        throw new AssertionError(directive + " missing from " + policy);
    }

    @Test
    void scriptsRunOnlyFromThisOriginAndWhatThePolicyNames() {
        String policy = SecurityHeadersFilter.policy("");
        assertEquals("'self'", directive(policy, "script-src"));
        assertFalse(directive(policy, "script-src").contains("unsafe"), policy);
        assertEquals("'self' 'unsafe-inline'", directive(policy, "style-src"), "styles may stay inline");
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    }

    @Test
    void imagesComeFromHereAndTheImportedPicturesHostsOnly() {
        String images = directive(SecurityHeadersFilter.policy(""), "img-src");
        assertTrue(images.startsWith("'self' data: https://"), images);
        assertTrue(images.contains(" https://www.gravatar.com"), images);
        assertFalse(images.matches(".*(^| )(https:|\\*|http:)( |$).*"), "no scheme or wildcard source: " + images);
        assertEquals(
                " https://a.example https://b.example",
                SecurityHeadersFilter.pictureSources(new PictureHosts("B.example, a.example,")));
        assertEquals("", SecurityHeadersFilter.pictureSources(new PictureHosts(" ")), "none configured");
    }

    @Test
    void aNonceOrHashesGoIntoScriptSrcBeforeTheAssetHost() {
        String policy = SecurityHeadersFilter.policy("https://cdn.example", "'nonce-abc=' 'sha256-x+y/z='");
        assertEquals("'self' 'nonce-abc=' 'sha256-x+y/z=' https://cdn.example", directive(policy, "script-src"));
        assertEquals("'self' 'unsafe-inline' https://cdn.example", directive(policy, "style-src"));
    }

    @Test
    void onlyTheScriptSourcesOfAnotherPolicyAreTaken() {
        // As PrimeFaces' CSP mode writes it when primefaces.CSP_POLICY is not set.
        assertEquals(
                "'nonce-ZjBhYi0xMjM='",
                SecurityHeadersFilter.scriptSourcesIn("script-src 'self' 'nonce-ZjBhYi0xMjM=';"));
        assertEquals(
                "'sha256-AA+/=' 'sha256-BB'",
                SecurityHeadersFilter.scriptSourcesIn("script-src 'unsafe-inline' 'sha256-AA+/=' 'sha256-BB' *"));
        assertEquals("", SecurityHeadersFilter.scriptSourcesIn("script-src * 'unsafe-inline' 'unsafe-eval'"));
        assertEquals("script-src 'self' 'sha256-AA'", SecurityHeadersFilter.scriptSources(" 'sha256-AA' "));
        assertEquals("script-src 'self'", SecurityHeadersFilter.scriptSources(""));
    }

    @Test
    void onlyAScriptSrcIsFoldedInAWholePolicyStandsAlone() {
        assertTrue(SecurityHeadersFilter.scriptSrcOnly("script-src 'self' 'nonce-abc';"));
        assertTrue(SecurityHeadersFilter.scriptSrcOnly("script-src 'self' 'sha256-AA'"));
        assertFalse(SecurityHeadersFilter.scriptSrcOnly("default-src 'none'"), "the image proxy's");
        assertFalse(SecurityHeadersFilter.scriptSrcOnly("script-src 'self'; object-src 'none'"));
        assertFalse(SecurityHeadersFilter.scriptSrcOnly(""));
    }
}
