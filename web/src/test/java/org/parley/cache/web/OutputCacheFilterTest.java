package org.parley.cache.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutputCacheFilterTest {

    @Test
    void onlyTheValueBypassAsksForAMiss() {
        assertTrue(OutputCacheFilter.bypass("bypass"));
        assertTrue(OutputCacheFilter.bypass(" Bypass "));
        assertFalse(OutputCacheFilter.bypass(null));
        assertFalse(OutputCacheFilter.bypass(""));
        assertFalse(OutputCacheFilter.bypass("1"));
        assertFalse(OutputCacheFilter.bypass("bypass, bypass"));
    }
}
