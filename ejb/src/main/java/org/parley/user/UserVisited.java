package org.parley.user;

import java.time.LocalDate;

/** A logged-in user's first visit of a UTC day to their site, fired in the transaction that recorded it. */
public record UserVisited(long siteId, long userId, long userNumber, LocalDate day) {}
