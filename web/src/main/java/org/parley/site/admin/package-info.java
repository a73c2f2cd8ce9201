/** The admin page that lists a deployment's sites and adds new ones; for admins only, checked on the server. */
package org.parley.site.admin;
