package org.parley.search;

import static org.parley.analysis.SearchNames.*;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.engine.backend.types.dsl.StandardIndexFieldTypeOptionsStep;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;
import org.parley.analysis.SearchNames;
import org.parley.post.Answer;
import org.parley.post.Post;
import org.parley.post.Question;
import org.parley.user.User;

/**
 * Writes a question's or an answer's document: the same fields for both ({@link SearchNames}), so that one query
 * searches both indexes. Text goes to the fields of the site's language ({@code title_en}, {@code body_fr}, …), each
 * analysed by that language's analyzer; every other field is a plain value for filters, sorts and aggregations.
 *
 * <p>Hibernate Search re-writes a document whenever its post's own columns change (score, edits, answer count,
 * acceptance on the question, closing). What an answer's document reads from its question (tags, closed, accepted)
 * is re-written by {@link PostIndexer}, which reindexes the answers of a question whose change they show.
 */
public class PostDocumentBinder implements TypeBinder {

    /** Whether the binder maps questions (which have a title, tags and counters) or answers. */
    private final boolean question;

    public PostDocumentBinder(boolean question) {
        this.question = question;
    }

    @Override
    public void bind(TypeBindingContext context) {
        // The post's own columns the document reads: a change to any of them (an edit, a vote, a new answer, closing,
        // tags set after the question's first flush) re-writes the document on commit. (useRootOnly() declared none,
        // so a document kept the state of its post's first flush: tags, votes and closing never reached the index.)
        var dependencies = context.dependencies()
                .use("bodyHtml")
                .use("score")
                .use("createdAt")
                .use("lastActivityAt")
                .use("communityOwnedAt")
                .use("rowVersion");
        if (question) {
            dependencies
                    .use("title")
                    .use("tagNames")
                    .use("answerCount")
                    .use("viewCount")
                    .use("closedAt")
                    .use("firstAnswerSeconds");
        }
        IndexSchemaElement schema = context.indexSchemaElement();
        IndexFieldTypeFactory f = context.typeFactory();
        Fields fields = new Fields();
        for (Map.Entry<String, String> language : LANGUAGE_ANALYZERS.entrySet()) {
            fields.titles.put(language.getKey(), text(schema, f, POST_TITLE, language));
            fields.bodies.put(language.getKey(), text(schema, f, POST_BODY, language));
        }
        fields.site = field(schema, POST_SITE, f.asLong());
        fields.number = field(schema, POST_NUMBER, f.asLong(), Use.PROJECT);
        fields.question = field(schema, POST_QUESTION, f.asLong(), Use.PROJECT);
        fields.kind = field(schema, POST_KIND, f.asString(), Use.PROJECT, Use.AGGREGATE);
        fields.tags = schema.field(
                        POST_TAGS,
                        f.asString()
                                .normalizer(LOWERCASE_NORMALIZER)
                                .projectable(Projectable.YES)
                                .aggregable(Aggregable.YES))
                .multiValued()
                .toReference();
        fields.owner = field(schema, POST_OWNER, f.asLong(), Use.PROJECT, Use.AGGREGATE);
        fields.score = field(schema, POST_SCORE, f.asInteger(), Use.PROJECT, Use.SORT, Use.AGGREGATE);
        fields.answers = field(schema, POST_ANSWERS, f.asInteger(), Use.PROJECT, Use.SORT, Use.AGGREGATE);
        fields.views = field(schema, POST_VIEWS, f.asLong(), Use.PROJECT, Use.SORT);
        fields.accepted = field(schema, POST_ACCEPTED, f.asBoolean(), Use.PROJECT, Use.AGGREGATE);
        fields.closed = field(schema, POST_CLOSED, f.asBoolean(), Use.PROJECT);
        fields.wiki = field(schema, POST_WIKI, f.asBoolean());
        fields.created = field(schema, POST_CREATED, f.asInstant(), Use.PROJECT, Use.SORT, Use.AGGREGATE);
        fields.lastActive = field(schema, POST_LAST_ACTIVE, f.asInstant(), Use.PROJECT, Use.SORT, Use.AGGREGATE);
        fields.hour = field(schema, POST_HOUR, f.asInteger(), Use.AGGREGATE);
        fields.firstAnswerKey = field(schema, POST_FIRST_ANSWER_KEY, f.asLong(), Use.AGGREGATE);
        fields.urls = schema.field(POST_URLS, f.asString().normalizer(LOWERCASE_NORMALIZER))
                .multiValued()
                .toReference();
        fields.rowVersion = field(schema, POST_ROW_VERSION, f.asLong(), Use.PROJECT, Use.SORT);
        context.bridge(Post.class, new Bridge(fields));
    }

    /** What a plain value field can be used for besides filtering. */
    private enum Use {
        PROJECT,
        SORT,
        AGGREGATE
    }

    /** A single-valued field of a plain type, projectable, sortable and aggregable as {@code uses} say. */
    private static <F> IndexFieldReference<F> field(
            IndexSchemaElement schema, String name, StandardIndexFieldTypeOptionsStep<?, F> type, Use... uses) {
        List<Use> use = List.of(uses);
        if (use.contains(Use.PROJECT)) {
            type.projectable(Projectable.YES);
        }
        if (use.contains(Use.SORT)) {
            type.sortable(Sortable.YES);
        }
        if (use.contains(Use.AGGREGATE)) {
            type.aggregable(Aggregable.YES);
        }
        return schema.field(name, type).toReference();
    }

    /** A text field of one language ({@code title_en}), analysed by that language's analyzer. */
    private static IndexFieldReference<String> text(
            IndexSchemaElement schema, IndexFieldTypeFactory f, String name, Map.Entry<String, String> language) {
        return schema.field(
                        name + "_" + language.getKey(),
                        f.asString()
                                .analyzer(language.getValue())
                                .projectable(Projectable.YES)
                                .highlightable(List.of(Highlightable.PLAIN, Highlightable.UNIFIED)))
                .toReference();
    }

    /** The references to every field, by which the bridge writes them. */
    private static final class Fields {
        final Map<String, IndexFieldReference<String>> titles = new HashMap<>();
        final Map<String, IndexFieldReference<String>> bodies = new HashMap<>();
        IndexFieldReference<Long> site;
        IndexFieldReference<Long> number;
        IndexFieldReference<Long> question;
        IndexFieldReference<String> kind;
        IndexFieldReference<String> tags;
        IndexFieldReference<Long> owner;
        IndexFieldReference<Integer> score;
        IndexFieldReference<Integer> answers;
        IndexFieldReference<Long> views;
        IndexFieldReference<Boolean> accepted;
        IndexFieldReference<Boolean> closed;
        IndexFieldReference<Boolean> wiki;
        IndexFieldReference<java.time.Instant> created;
        IndexFieldReference<java.time.Instant> lastActive;
        IndexFieldReference<Integer> hour;
        IndexFieldReference<Long> firstAnswerKey;
        IndexFieldReference<String> urls;
        IndexFieldReference<Long> rowVersion;
    }

    private record Bridge(Fields fields) implements TypeBridge<Post> {

        @Override
        public void write(DocumentElement target, Post post, TypeBridgeWriteContext context) {
            String language = SearchNames.languageKey(post.getSite().getLanguage());
            Question question = post.questionShownOn();
            PostText body = PostText.of(post.getBodyHtml());
            if (post instanceof Question) {
                target.addValue(fields.titles.get(language), question.getTitle());
                target.addValue(fields.kind, KIND_QUESTION);
                target.addValue(fields.answers, question.getAnswerCount());
                target.addValue(fields.views, question.getViewCount());
                target.addValue(fields.accepted, question.getAcceptedAnswer() != null);
                if (question.getFirstAnswerSeconds() != null) {
                    target.addValue(
                            fields.firstAnswerKey,
                            AnalyticsMonths.key(question.getCreatedAt(), question.getFirstAnswerSeconds()));
                }
            } else {
                target.addValue(fields.kind, KIND_ANSWER);
                target.addValue(fields.accepted, question.isAccepted((Answer) post));
            }
            target.addValue(fields.bodies.get(language), body.text());
            target.addValue(fields.site, post.getSite().getId());
            target.addValue(fields.number, post.getNumber());
            target.addValue(fields.question, question.getNumber());
            for (String tag : question.tagList()) {
                target.addValue(fields.tags, tag);
            }
            User owner = post.getOwner();
            if (owner != null) {
                target.addValue(fields.owner, owner.getNumber());
            }
            target.addValue(fields.score, post.getScore());
            target.addValue(fields.closed, question.getClosedAt() != null);
            target.addValue(fields.wiki, post.getCommunityOwnedAt() != null);
            target.addValue(fields.created, post.getCreatedAt());
            target.addValue(fields.lastActive, post.getLastActivityAt());
            target.addValue(
                    fields.hour, post.getCreatedAt().atZone(ZoneOffset.UTC).getHour());
            for (String link : body.links()) {
                target.addValue(fields.urls, link);
            }
            target.addValue(fields.rowVersion, post.getRowVersion());
        }
    }
}
