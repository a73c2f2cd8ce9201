package org.parley.message.rest;

/** The body of {@code POST /api/messages}: {@code {"to": "username", "body": "Markdown"}}. */
public record SendRequest(String to, String body) {}
