package org.parley.user.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocalPathTest {

    @Test
    void followsOnlyPathsOnThisSite() {
        assertEquals("/questions/ask", LocalPath.orElse("/questions/ask", "/"));
        assertEquals("/", LocalPath.orElse(null, "/"));
        assertEquals("/", LocalPath.orElse("https://evil.example/", "/"));
        assertEquals("/", LocalPath.orElse("//evil.example/", "/"));
        assertEquals("/", LocalPath.orElse("/\\evil.example/", "/"));
        assertEquals("/", LocalPath.orElse("/x\r\nSet-Cookie: a=b", "/"));
    }
}
