package org.parley.search.proto;

import org.infinispan.protostream.annotations.ProtoSchema;
import org.parley.cache.proto.CacheSchema;

/**
 * The shared tier's schema for related questions; the annotation processor generates {@code RelatedCacheSchemaImpl},
 * which {@link org.parley.cache.proto.Marshalling} finds as a {@link CacheSchema} service.
 */
@ProtoSchema(
        includeClasses = {RelatedQuestionAdapter.class, RelatedQuestionListAdapter.class},
        schemaPackageName = CacheSchema.PACKAGE,
        schemaFileName = "parley-related.proto",
        schemaFilePath = "proto",
        service = false)
public interface RelatedCacheSchema extends CacheSchema {}
