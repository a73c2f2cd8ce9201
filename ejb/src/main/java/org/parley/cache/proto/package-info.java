/**
 * The shared tier's wire format with ProtoStream, never Java serialisation: {@link org.parley.cache.proto.Marshalling}
 * joins the schema of every feature ({@link org.parley.cache.proto.CacheSchema} services) and this package's adapters
 * for the cache's own records. Field numbers are the wire format: add fields with new numbers, never renumber.
 */
package org.parley.cache.proto;
