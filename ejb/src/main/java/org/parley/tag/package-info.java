/** Tags of a site: the tag rows with their question counts, and parsing the tag names users type. */
package org.parley.tag;
