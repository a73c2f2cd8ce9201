/** Users of a site: registration, password hashing and log-in. */
package org.parley.user;
