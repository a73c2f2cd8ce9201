package org.parley.user;

/**
 * A user's role on a site changed (fired by {@link UserService#changeRole}); once it is committed, the sessions that
 * user holds on any server are out of date ({@link AccountStamps}).
 */
public record RoleChanged(long siteId, long userId) {}
