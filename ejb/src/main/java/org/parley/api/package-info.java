/**
 * The Stack Exchange-compatible API's reads and rules (issue 21): its parameters and errors as the Stack Exchange API
 * v2.3 documents them, the question, answer and comment rows its methods return (one query per page for each kind of
 * row, owners included), and the daily quota per client address, counted across the cluster. The JSON, the filters
 * and the links are the WAR's ({@code org.parley.api.rest}).
 */
package org.parley.api;
