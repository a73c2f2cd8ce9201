/**
 * Which site a request is for: the host name picks a site before anything else runs, and the admin page creates new
 * ones.
 */
package org.parley.site.web;
