/**
 * Tag synonyms and merges: proposing that one tag is another's synonym, a moderator's approval or rejection, a
 * moderator's merge, and retagging the source tag's questions to the target in batches of their own transactions.
 */
package org.parley.synonym;
