/** A post's revision history page, as imported from a dump's PostHistory. */
package org.parley.revision.web;
