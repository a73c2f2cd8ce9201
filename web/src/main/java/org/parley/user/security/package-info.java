/**
 * Who is logged in: the Jakarta Security form mechanism, the identity store that checks passwords against the
 * current site's users, and the session's record of the signed-in user.
 */
package org.parley.user.security;
