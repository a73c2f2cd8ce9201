/** The pages of {@code org.parley.review}: the review queues and the top bar's review counter. */
package org.parley.review.web;
