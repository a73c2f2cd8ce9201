package org.parley.cache.proto;

import org.infinispan.protostream.GeneratedSchema;
import org.infinispan.protostream.annotations.ProtoSchema;

/**
 * The schema ({@code parley-cache.proto}) and marshallers of everything the shared tier stores; the annotation
 * processor generates {@code ParleyCacheSchemaImpl} at compile time.
 */
@ProtoSchema(
        includeClasses = {
            SiteInfoAdapter.class,
            UserRefAdapter.class,
            CommentViewAdapter.class,
            AnswerViewAdapter.class,
            QuestionDetailAdapter.class,
            QuestionSummaryAdapter.class,
            CachedPageAdapter.class,
            StatsSnapshotAdapter.class,
            ServerStatsAdapter.class
        },
        schemaPackageName = "parley.cache",
        schemaFileName = "parley-cache.proto",
        schemaFilePath = "proto",
        service = false)
public interface ParleyCacheSchema extends GeneratedSchema {}
