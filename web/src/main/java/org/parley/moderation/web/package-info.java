/** The pages of {@code org.parley.moderation}: the close page, and the question page's banner and moderation buttons. */
package org.parley.moderation.web;
