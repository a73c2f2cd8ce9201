package org.parley.tag;

/** A tag and how many questions carry it. */
public record TagCount(String name, long questionCount) {}
