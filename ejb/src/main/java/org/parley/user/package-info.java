/** Users of a site: registration, password hashing, log-in and the throttle on failed log-ins. */
package org.parley.user;
