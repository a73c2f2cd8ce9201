/**
 * ProtoStream schema of what the shared tier stores: adapters for the DTO records of other features (so those
 * records stay free of marshalling annotations) and the generated {@link ParleyCacheSchema}. Field numbers are the
 * wire format: add fields with new numbers, never renumber.
 */
package org.parley.cache.proto;
