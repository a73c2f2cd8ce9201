/**
 * Tags of a site: parsing what users type, the tag list and auto-completion, with question counts kept on each tag.
 */
package org.parley.tag;
