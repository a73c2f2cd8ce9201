package org.parley.link.proto;

import org.infinispan.protostream.annotations.ProtoSchema;
import org.parley.cache.proto.CacheSchema;

/**
 * The shared tier's schema for a question page's linked questions; the annotation processor generates {@code
 * LinkCacheSchemaImpl}, which {@link org.parley.cache.proto.Marshalling} finds as a {@link CacheSchema} service.
 */
@ProtoSchema(
        includeClasses = {LinkedQuestionAdapter.class, LinkedQuestionListAdapter.class},
        schemaPackageName = CacheSchema.PACKAGE,
        schemaFileName = "parley-links.proto",
        schemaFilePath = "proto",
        service = false)
public interface LinkCacheSchema extends CacheSchema {}
