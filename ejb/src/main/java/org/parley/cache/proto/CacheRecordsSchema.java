package org.parley.cache.proto;

import org.infinispan.protostream.annotations.ProtoSchema;

/** The schema of the shared tier's own records: rendered pages and the statistics servers share. */
@ProtoSchema(
        includeClasses = {CachedPageAdapter.class, StatsSnapshotAdapter.class, ServerStatsAdapter.class},
        schemaPackageName = CacheSchema.PACKAGE,
        schemaFileName = "parley-cache.proto",
        schemaFilePath = "proto",
        service = false)
public interface CacheRecordsSchema extends CacheSchema {}
