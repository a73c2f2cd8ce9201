/**
 * Turns user Markdown (and imported HTML) into HTML that is safe to render: commonmark first, then one allow-list
 * sanitiser policy.
 */
package org.parley.markdown;
