package org.parley.cache.proto;

import org.infinispan.protostream.GeneratedSchema;

/**
 * One feature's part of the shared tier's wire format. Each feature that caches records declares a {@code @ProtoSchema}
 * interface extending this one next to its adapters, and lists the generated class in {@code
 * META-INF/services/org.parley.cache.proto.CacheSchema}, where {@link Marshalling} finds it: the cache needs to know
 * no feature's types.
 */
public interface CacheSchema extends GeneratedSchema {

    /** The protobuf package of every Parley type on the wire, so type names stay {@code parley.cache.<Name>}. */
    String PACKAGE = "parley.cache";
}
