/** The tag synonyms page: proposing, approving, rejecting and merging. */
package org.parley.synonym.web;
