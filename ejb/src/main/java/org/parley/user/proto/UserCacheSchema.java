package org.parley.user.proto;

import org.infinispan.protostream.annotations.ProtoSchema;
import org.parley.cache.proto.CacheSchema;

/**
 * The shared tier's schema for what the user feature caches; the annotation processor generates {@code
 * UserCacheSchemaImpl}, which {@link org.parley.cache.proto.Marshalling} finds as a {@link CacheSchema} service.
 */
@ProtoSchema(
        includeClasses = {UserRefAdapter.class},
        schemaPackageName = CacheSchema.PACKAGE,
        schemaFileName = "parley-user.proto",
        schemaFilePath = "proto",
        service = false)
public interface UserCacheSchema extends CacheSchema {}
