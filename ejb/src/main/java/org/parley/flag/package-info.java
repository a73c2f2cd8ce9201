/**
 * Flags: users with the "Flag posts" privilege bring a post or comment that needs attention to the moderators (spam,
 * rude or abusive, not an answer, very low quality, no longer needed, or anything else in their own words). Six spam
 * or rude flags hide a post at once and cost its author 100 reputation; moderators handle the rest at {@code
 * /review/flags}, marking them helpful or declined, and each flagger's record shows on their profile.
 */
package org.parley.flag;
