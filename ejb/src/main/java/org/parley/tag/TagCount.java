package org.parley.tag;

import java.io.Serializable;

/** A tag and how many questions carry it. */
public record TagCount(String name, long questionCount) implements Serializable {}
