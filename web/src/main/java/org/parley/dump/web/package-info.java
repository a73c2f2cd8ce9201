/**
 * What imported content adds to pages: the license and revisions links on question pages, linked and duplicate
 * questions, badges on profiles, and the admin page that starts and follows imports.
 */
package org.parley.dump.web;
