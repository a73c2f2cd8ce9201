/** Search in the JSON API: similar questions while a title is typed ({@code GET /api/questions/similar}). */
package org.parley.search.rest;
