package org.parley.rest;

/** The body of every API error: {@code {"error": "..."}}. */
public record ApiError(String error) {}
