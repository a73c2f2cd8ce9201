/**
 * Users of a site: registration, password hashing, log-in, profiles and the {@link org.parley.user.Actor} every
 * service is called on behalf of.
 */
package org.parley.user;
