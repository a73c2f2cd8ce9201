package org.parley.site.proto;

import org.infinispan.protostream.annotations.ProtoSchema;
import org.parley.cache.proto.CacheSchema;

/**
 * The shared tier's schema for what the site feature caches; the annotation processor generates {@code
 * SiteCacheSchemaImpl}, which {@link org.parley.cache.proto.Marshalling} finds as a {@link CacheSchema} service.
 */
@ProtoSchema(
        includeClasses = {SiteInfoAdapter.class},
        schemaPackageName = CacheSchema.PACKAGE,
        schemaFileName = "parley-site.proto",
        schemaFilePath = "proto",
        service = false)
public interface SiteCacheSchema extends CacheSchema {}
