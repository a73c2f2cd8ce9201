/** Links between questions (PostLinks): related ("linked") questions and duplicates. */
package org.parley.link;
