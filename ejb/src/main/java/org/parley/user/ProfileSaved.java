package org.parley.user;

/** A user saved their own profile (about me, location, web site, picture), fired in the transaction that saved it. */
public record ProfileSaved(long siteId, long userNumber) {}
