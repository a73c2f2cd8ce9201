package org.parley.dump.proto;

import org.infinispan.protostream.annotations.ProtoSchema;
import org.parley.cache.proto.CacheSchema;

/**
 * The shared tier's schema for imported posts' licences; the annotation processor generates {@code
 * DumpCacheSchemaImpl}, which {@link org.parley.cache.proto.Marshalling} finds as a {@link CacheSchema} service.
 */
@ProtoSchema(
        includeClasses = {AttributionAdapter.class},
        schemaPackageName = CacheSchema.PACKAGE,
        schemaFileName = "parley-attribution.proto",
        schemaFilePath = "proto",
        service = false)
public interface DumpCacheSchema extends CacheSchema {}
