/** The revision history of posts, as a dump's PostHistory file has it; shown on a revisions page per post. */
package org.parley.revision;
