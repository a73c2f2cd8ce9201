package org.parley.post.proto;

import org.infinispan.protostream.annotations.ProtoSchema;
import org.parley.cache.proto.CacheSchema;
import org.parley.user.proto.UserCacheSchema;

/**
 * The shared tier's schema for the question page and question lists; the annotation processor generates {@code
 * PostCacheSchemaImpl}, which {@link org.parley.cache.proto.Marshalling} finds as a {@link CacheSchema} service.
 */
@ProtoSchema(
        includeClasses = {
            CommentViewAdapter.class,
            AnswerViewAdapter.class,
            QuestionDetailAdapter.class,
            QuestionSummaryAdapter.class
        },
        dependsOn = UserCacheSchema.class,
        schemaPackageName = CacheSchema.PACKAGE,
        schemaFileName = "parley-post.proto",
        schemaFilePath = "proto",
        service = false)
public interface PostCacheSchema extends CacheSchema {}
