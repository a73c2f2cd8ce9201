/**
 * Who is logged in: the Jakarta Security form mechanism, the identity store that checks passwords against the
 * current site's users, the session's record of the signed-in user, and the HTTP Basic admin check of the JSON API.
 */
package org.parley.user.security;
