/** The pages of {@code org.parley.flag}: the flag page of a post or comment, and the moderators' {@code /review/flags}. */
package org.parley.flag.web;
