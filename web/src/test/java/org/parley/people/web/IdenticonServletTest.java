package org.parley.people.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdenticonServletTest {

    @Test
    void aNumberAlwaysGivesTheSameSymmetricPictureAndOthersDiffer() {
        String one = IdenticonServlet.svg(1);
        assertEquals(one, IdenticonServlet.svg(1));
        assertNotEquals(one, IdenticonServlet.svg(2));
        assertTrue(one.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(!one.contains("script"));
    }
}
