/**
 * Lists of questions and tags ({@link org.parley.listing.ListingService}, {@link org.parley.listing.TagService}),
 * answered by the tag engine: an in-memory index per site over every question (tags as compressed bitmaps, dates,
 * score, answer count, flags, and each order as a permutation), built at start, kept fresh by committed and remote
 * change events and a catch-up by row version, answering every question list without SQL. {@link
 * org.parley.listing.SqlListing} answers the same lists in SQL: the reference the engine is tested and benchmarked
 * against.
 */
package org.parley.listing;
