/**
 * Which site a request is for: the host name picks a site before anything else runs.
 */
package org.parley.site.web;
