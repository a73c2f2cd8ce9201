package org.parley.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DumpSiteNamesTest {

    @Test
    void titlesReadWell() {
        assertEquals("Beer", DumpSiteNames.title("beer.stackexchange.com"));
        assertEquals("French Language Meta", DumpSiteNames.title("meta.french.stackexchange.com"));
        assertEquals("Bicycles Meta", DumpSiteNames.title("bicycles.meta.stackexchange.com"));
        assertEquals("Bicycles Meta", DumpSiteNames.title("bicycles.meta.stackexchange.com.7z"));
        assertEquals("Stack Overflow", DumpSiteNames.title("stackoverflow.com"));
        assertEquals("Stack Overflow (es)", DumpSiteNames.title("es.stackoverflow.com"));
        assertEquals("Super User Meta", DumpSiteNames.title("meta.superuser.com"));
        assertEquals("Quantum Computing", DumpSiteNames.title("quantumcomputing.stackexchange.com"));
        assertEquals("Stack Exchange Meta", DumpSiteNames.title("meta.stackexchange.com"));
        assertEquals("My Dump", DumpSiteNames.title("my-dump"));
        assertNull(DumpSiteNames.title(" "));
    }

    @Test
    void languagesComeFromLanguageSites() {
        assertEquals("fr", DumpSiteNames.language("meta.french.stackexchange.com"));
        assertEquals("fr", DumpSiteNames.language("french.stackexchange.com"));
        assertEquals("de", DumpSiteNames.language("german.stackexchange.com"));
        assertEquals("ru", DumpSiteNames.language("ru.stackoverflow.com"));
        assertEquals("en", DumpSiteNames.language("beer.stackexchange.com"));
        assertEquals("en", DumpSiteNames.language("some-folder"));
    }

    @Test
    void theSourceHostIsTheFolderWhenItIsAHost() {
        assertEquals("beer.stackexchange.com", DumpSiteNames.sourceHost("Beer.StackExchange.com"));
        assertEquals("beer.stackexchange.com", DumpSiteNames.sourceHost("beer.stackexchange.com.7z"));
        assertNull(DumpSiteNames.sourceHost("dump"));
        assertNull(DumpSiteNames.sourceHost(null));
    }
}
