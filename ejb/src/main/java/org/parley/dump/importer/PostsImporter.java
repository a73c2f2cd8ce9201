package org.parley.dump.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.dump.DumpRow;
import org.parley.dump.Extras;
import org.parley.tag.Tag;

/**
 * Posts.xml: questions (type 1) and answers (type 2) become Parley posts with their Id as number, score, view,
 * answer and comment counts as given, dates, closed and community-wiki dates, license and tags (both {@code <a><b>}
 * and {@code |a|b|}); bodies are HTML, kept as written (for edits and export) and sanitised for display. Other post
 * types (tag wikis, excerpts, ...) are kept whole in {@code dump_post}. An owner missing from Users.xml is shown by
 * the row's OwnerDisplayName or as "user&lt;Id&gt;", like Stack Exchange shows deleted users. A question is pointed
 * at its accepted answer when that answer is written; {@link LinkBatchlet} counts the questions whose accepted answer
 * never came.
 */
final class PostsImporter extends RowImporter<Long> {

    static final int QUESTION = 1;
    static final int ANSWER = 2;

    private static final Set<String> MAPPED_QUESTION = Set.of(
            "Id",
            "PostTypeId",
            "AcceptedAnswerId",
            "CreationDate",
            "Score",
            "ViewCount",
            "Body",
            "OwnerUserId",
            "LastEditDate",
            "LastActivityDate",
            "Title",
            "Tags",
            "AnswerCount",
            "CommentCount",
            "ClosedDate",
            "CommunityOwnedDate",
            "ContentLicense");
    private static final Set<String> MAPPED_ANSWER = Set.of(
            "Id",
            "PostTypeId",
            "ParentId",
            "CreationDate",
            "Score",
            "Body",
            "OwnerUserId",
            "LastEditDate",
            "LastActivityDate",
            "CommentCount",
            "CommunityOwnedDate",
            "ContentLicense");
    /** A post's row version, drawn as it is written (as {@link org.parley.post.RowVersions} draws it). */
    private static final Batches.Drawn ROW_VERSION =
            new Batches.Drawn("row_version", org.parley.post.RowVersions.SEQUENCE);

    /** The columns of {@code post} questions and answers share, in the order {@code Common.bind} sets them. */
    private static final String[] COMMON_COLUMNS = {
        "post_type",
        "id",
        "site_id",
        "number",
        "owner_id",
        "owner_display_name",
        "body_markdown",
        "body_html",
        "score",
        "created_at",
        "last_activity_at",
        "last_edited_at",
        "comment_count",
        "content_license",
        "community_owned_at",
        "dump_extra"
    };

    /** The column number of {@code dump_extra}. */
    private static final int EXTRAS = 16;

    private static final String[] QUESTION_COLUMNS = columns(
            COMMON_COLUMNS,
            "title",
            "tag_names",
            "answer_count",
            "view_count",
            "closed_at",
            "dump_accepted_number",
            "first_answer_at",
            "first_answer_seconds");

    private static final String[] ANSWER_COLUMNS = columns(COMMON_COLUMNS, "question_id");

    /**
     * On PostgreSQL's COPY path a chunk's questions and answers go in one COPY of {@code post}: the question columns
     * (null for answers), then an answer's question, a question's accepted answer, and the row version.
     */
    private static final String[] POST_COLUMNS =
            columns(QUESTION_COLUMNS, "question_id", "accepted_answer_id", "row_version");

    private static String[] columns(String[] common, String... more) {
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    /** A longer title is cut to the column and kept whole in the extras, so that export writes it back. */
    static final int MAX_TITLE = org.parley.post.Question.MAX_TITLE;

    PostsImporter(ImportContext ctx) {
        super(ctx, RowImporter::id);
    }

    /**
     * question number -> the earliest CreationDate among the answers to it in the chunk being collected: a question
     * is written with the first-answer time of the answers that come in its own chunk (a generated dump puts them
     * right after it), so that the link step need not rewrite its row. {@link #begin} hands it to the chunk.
     */
    private Map<Long, Instant> firstAnswersCollected = new HashMap<>();

    @Override
    void collect(DumpRow row, References refs) {
        Long owner = optionalLong(row, "OwnerUserId");
        if (owner != null) {
            refs.users.add(owner);
        }
        Long parent = optionalLong(row, "ParentId");
        if (parent != null) {
            refs.posts.add(parent);
            if (String.valueOf(ANSWER).equals(row.get("PostTypeId"))) {
                try {
                    Instant created = date(row, "CreationDate", new HashMap<>());
                    if (created != null) {
                        firstAnswersCollected.merge(parent, created, (a, b) -> a.isBefore(b) ? a : b);
                    }
                } catch (Skip malformed) {
                    // the answer is skipped when written
                }
            }
        }
        refs.tags.addAll(parseTags(row.get("Tags")));
    }

    @Override
    Set<Long> alreadyImported(Connection c, List<Long> numbers) throws SQLException {
        return existingOwnPosts(c, numbers);
    }

    @Override
    ChunkWriter<Long> begin(Connection c, References refs, Batches batches) throws SQLException {
        Map<Long, Instant> firstAnswers = firstAnswersCollected;
        firstAnswersCollected = new HashMap<>();
        return new Chunk(c, refs, batches, firstAnswers);
    }

    /**
     * One chunk of Posts.xml. With JDBC batches, questions and other posts are batched as they come; answers are held
     * until the chunk's questions are written (an answer may come before its question), then written and linked as
     * accepted answers. With COPY (PostgreSQL), questions are held too and go with the answers in one COPY of {@code
     * post}, each question with its accepted answer when that answer is in the chunk: the update that links it
     * afterwards wrote a second version of the question's row, in all of {@code post}'s indexes.
     */
    private final class Chunk implements ChunkWriter<Long> {
        private final Connection c;
        private final Map<Long, Long> userIds;
        /** The questions the chunk's answers may belong to: those imported before, then the chunk's own. */
        private final Map<Long, Question> questions;

        private final Map<String, Long> tagIds;
        private final DumpDatabase.Ids postIds;
        private final DumpDatabase.Ids otherIds;
        private final String rowVersion;
        private final Batches batches;
        /** The questions' rows (JDBC batches), or the chunk's questions' and answers' rows (COPY). */
        private final Batches.Rows questionInsert;

        private final Batches.Rows questionTagInsert;
        private final Batches.Rows otherInsert;
        private final List<PendingAnswer> answers = new ArrayList<>();
        /** On the COPY path, the chunk's questions, bound with its answers by {@link #bindHeld}. */
        private final List<HeldQuestion> held = new ArrayList<>();
        /**
         * On the COPY path, what {@link #bindHeld} leaves to {@link #finish}: questions of earlier chunks -> their
         * accepted answer, with the row version each link takes, and the first answers written.
         */
        private final Map<Long, Long> acceptedEarlier = new LinkedHashMap<>();

        private final Map<Long, Long> earlierVersions = new HashMap<>();
        private final Map<Question, Instant> firstWritten = new LinkedHashMap<>();
        /** question number -> its answers' earliest date in this chunk, as collected (answers not yet checked). */
        private final Map<Long, Instant> firstAnswers;

        Chunk(Connection c, References refs, Batches batches, Map<Long, Instant> firstAnswers) throws SQLException {
            this.c = c;
            this.batches = batches;
            this.firstAnswers = firstAnswers;
            userIds = userIds(c, refs.users);
            questions = questions(c, refs.posts);
            tagIds = tagIds(c, refs.tags);
            postIds = ctx.db().new Ids(c, "post_id_seq", refs.rows);
            otherIds = ctx.db().new Ids(c, "dump_post_id_seq");
            rowVersion = ctx.db().nextValueExpression(ROW_VERSION.sequence());
            questionInsert = batches.copying()
                    ? batches.prepare("post", POST_COLUMNS)
                    : batches.prepare("post", ROW_VERSION, QUESTION_COLUMNS);
            questionTagInsert = batches.prepare("question_tag", "question_id", "tag_id");
            otherInsert = batches.prepare("dump_post", "id", "site_id", "number", "post_type_id", "attributes");
        }

        @Override
        public boolean write(DumpRow row, Long number, Tally tally) throws SQLException {
            int type = (int) requiredLong(row, "PostTypeId");
            if (type == QUESTION) {
                writeQuestion(row, number, tally);
                return true;
            } else if (type == ANSWER) {
                holdAnswer(row, number, tally);
                return false;
            } else {
                writeOther(row, number, type);
                return true;
            }
        }

        @Override
        public void bindHeld(Tally tally) throws SQLException {
            if (batches.copying()) {
                bindPosts(tally);
            }
        }

        @Override
        public void finish(Tally tally) throws SQLException {
            if (batches.copying()) {
                link(acceptedEarlier, earlierVersions, tally);
                correctFirstAnswers(firstWritten, false);
            } else {
                writeAnswers(tally);
            }
        }

        /**
         * The question path: its values, its tags' rows, and the question for the chunk's answers to find; with
         * batches its post row too, with COPY the row once the answers are known ({@link #bindPosts}).
         */
        private void writeQuestion(DumpRow row, long number, Tally tally) throws SQLException {
            Map<String, String> extras = rest(row, MAPPED_QUESTION);
            long id = postIds.next();
            Common common = common(row, extras, userIds, tally);
            String title = row.get("Title");
            if (title == null || title.isBlank()) {
                title = "(untitled question " + number + ")";
                tally.note("question without Title");
                if (row.get("Title") != null) {
                    extras.put("Title", row.get("Title"));
                }
            } else if (title.length() > MAX_TITLE) {
                extras.put("Title", title);
                title = title.substring(0, MAX_TITLE);
            }
            List<String> tags = parseTags(row.get("Tags"));
            StringBuilder joined = new StringBuilder("|");
            for (String t : tags) {
                if (tagIds.containsKey(t)) {
                    joined.append(t).append('|');
                }
            }
            if (tags.size() != joined.toString().split("\\|", -1).length - 2 || tags.isEmpty()) {
                if (row.get("Tags") != null) {
                    extras.put("Tags", row.get("Tags"));
                }
                if (!tags.isEmpty()) {
                    tally.note("tag name Parley cannot hold");
                }
            }
            HeldQuestion h = new HeldQuestion(
                    id,
                    number,
                    common,
                    truncate(title, MAX_TITLE),
                    joined.length() > 1 ? truncate(joined.toString(), 250) : null,
                    intOr(row, "AnswerCount", 0),
                    intOr(row, "ViewCount", 0),
                    date(row, "ClosedDate", extras),
                    optionalLong(row, "AcceptedAnswerId"),
                    extras);
            if (h.accepted() != null) {
                tally.pendingLinks++;
            }
            Instant firstAnswer = firstAnswers.get(number);
            if (batches.copying()) {
                held.add(h);
            } else {
                bindQuestion(questionInsert, h, firstAnswer, null);
                questionInsert.add();
            }
            Batches.Rows qt = questionTagInsert;
            Set<Long> seen = new HashSet<>();
            for (String t : tags) {
                Long tagId = tagIds.get(t);
                if (tagId != null && seen.add(tagId)) {
                    qt.setLong(1, id);
                    qt.setLong(2, tagId);
                    qt.add();
                }
            }
            questions.put(number, new Question(id, h.accepted(), common.created, firstAnswer, true));
        }

        /**
         * Sets a question's columns ({@link #QUESTION_COLUMNS}): its accepted answer's number until {@code
         * acceptedId} links it, and {@code firstAnswer}; returns the number of the next column.
         */
        private int bindQuestion(Batches.Rows q, HeldQuestion h, Instant firstAnswer, Long acceptedId)
                throws SQLException {
            int i = h.common().bind(q, h.id(), h.number(), "Q");
            q.setString(i++, h.title());
            q.setString(i++, h.tagNames());
            q.setInt(i++, h.answerCount());
            q.setLong(i++, h.viewCount());
            q.setInstant(i++, h.closed());
            q.setLong(i++, acceptedId == null ? h.accepted() : null);
            q.setInstant(i++, firstAnswer);
            q.setLong(i++, firstAnswer == null ? null : secondsTo(h.common().created, firstAnswer));
            h.common().extrasAt(q, EXTRAS, h.extras());
            return i;
        }

        /** The answer path, first half: the answer's columns, parsed now, held until the chunk's questions are in. */
        private void holdAnswer(DumpRow row, long number, Tally tally) {
            Long parent = optionalLong(row, "ParentId");
            if (parent == null) {
                throw new Skip("answer without ParentId");
            }
            Map<String, String> extras = rest(row, MAPPED_ANSWER);
            Common common = common(row, extras, userIds, tally);
            answers.add(new PendingAnswer(number, parent, common, extras));
        }

        /**
         * The COPY path: binds the held answers whose question the site or the chunk has (counting the others
         * skipped), then the chunk's questions before them, each with its accepted answer when that is among them and
         * the first-answer time of the answers written. Row versions are drawn in one query in the order the batches
         * path draws them: the questions', the answers', then one per link; a question linked here takes its link's
         * (its own is left unused, as the batches path's update replaces it).
         */
        private void bindPosts(Tally tally) throws SQLException {
            Map<Long, Long> accepted = new LinkedHashMap<>(); // question id -> its accepted answer's id
            List<PendingAnswer> written = new ArrayList<>();
            long[] answerIds = new long[answers.size()];
            long[] answerQuestions = new long[answers.size()];
            for (PendingAnswer p : answers) {
                Question question = questions.get(p.parent);
                if (question == null) {
                    tally.skip("answer to a missing question");
                    continue;
                }
                long id = postIds.next();
                answerIds[written.size()] = id;
                answerQuestions[written.size()] = question.id();
                written.add(p);
                tally.imported();
                firstWritten.merge(question, p.common.created, (x, y) -> x.isBefore(y) ? x : y);
                if (question.acceptedNumber() != null && question.acceptedNumber() == p.number) {
                    accepted.put(question.id(), id);
                }
            }
            int posts = held.size() + written.size();
            if (posts == 0) {
                return;
            }
            long[] versions = batches.draw(ROW_VERSION.sequence(), posts + accepted.size());
            Map<Long, Long> linkVersions = new HashMap<>();
            int k = posts;
            for (Long question : accepted.keySet()) {
                linkVersions.put(question, versions[k++]);
            }
            Batches.Rows p = questionInsert;
            // The rows go to PostgreSQL as they are set, so its backend writes the first while the next are escaped.
            batches.stream(p);
            for (int i = 0; i < held.size(); i++) {
                HeldQuestion h = held.get(i);
                Long answer = accepted.get(h.id());
                int col = bindQuestion(p, h, firstWritten.get(questions.get(h.number())), answer);
                p.setLong(col++, (Long) null);
                p.setLong(col++, answer);
                p.setLong(col, answer != null ? linkVersions.get(h.id()) : versions[i]);
                p.add();
                if (answer != null) {
                    tally.pendingLinks--;
                    accepted.remove(h.id());
                }
            }
            for (int j = 0; j < written.size(); j++) {
                PendingAnswer a = written.get(j);
                int col = a.common.bind(p, answerIds[j], a.number, "A");
                for (int q = col; q < col + QUESTION_COLUMNS.length - COMMON_COLUMNS.length; q++) {
                    p.setString(q, null);
                }
                col += QUESTION_COLUMNS.length - COMMON_COLUMNS.length;
                a.common.extrasAt(p, EXTRAS, a.extras);
                p.setLong(col++, answerQuestions[j]);
                p.setLong(col++, (Long) null);
                p.setLong(col, versions[held.size() + j]);
                p.add();
            }
            // What is left links questions of earlier chunks, by update once the answers are copied (finish).
            acceptedEarlier.putAll(accepted);
            for (Long question : accepted.keySet()) {
                earlierVersions.put(question, linkVersions.get(question));
            }
        }

        /**
         * The answer path, second half, with batches: writes the held answers whose question the site or the chunk
         * has (counting the others skipped), then points their questions at those that are accepted.
         */
        private void writeAnswers(Tally tally) throws SQLException {
            if (answers.isEmpty()) {
                return;
            }
            try (Batches batches = new Batches(c, ctx.db())) {
                Batches.Rows a = batches.prepare("post", ROW_VERSION, ANSWER_COLUMNS);
                Map<Long, Long> accepted = new LinkedHashMap<>(); // question id -> its accepted answer's id
                for (PendingAnswer p : answers) {
                    Question question = questions.get(p.parent);
                    if (question == null) {
                        tally.skip("answer to a missing question");
                        continue;
                    }
                    long id = postIds.next();
                    int i = p.common.bind(a, id, p.number, "A");
                    a.setLong(i, question.id());
                    p.common.extrasAt(a, EXTRAS, p.extras);
                    a.add();
                    tally.imported();
                    firstWritten.merge(question, p.common.created, (x, y) -> x.isBefore(y) ? x : y);
                    if (question.acceptedNumber() != null && question.acceptedNumber() == p.number) {
                        accepted.put(question.id(), id);
                    }
                }
                batches.execute();
                link(accepted, null, tally);
                correctFirstAnswers(firstWritten, true);
            }
        }

        /**
         * Sets the first-answer time where the answers written disagree with what the question holds: a question of
         * this chunk whose collected earliest answer was skipped after all ({@code thisChunk}: the batches path, whose
         * questions were written before their answers), or a question of an earlier chunk (or import) that already
         * has a time and now gets an earlier answer. A question of an earlier chunk without a time is left to the
         * link step, which sets all of those in one statement. Rare in dumps whose answers come in their question's
         * chunk, so one statement per question is fine.
         */
        private void correctFirstAnswers(Map<Question, Instant> firstWritten, boolean thisChunk) throws SQLException {
            List<Map.Entry<Question, Instant>> changed = new ArrayList<>();
            if (thisChunk) {
                for (Question q : questions.values()) {
                    if (q.thisChunk()) {
                        Instant written = firstWritten.get(q);
                        if (!java.util.Objects.equals(written, q.firstAnswer())) {
                            changed.add(new java.util.AbstractMap.SimpleEntry<>(q, written));
                        }
                    }
                }
            }
            for (Map.Entry<Question, Instant> e : firstWritten.entrySet()) {
                Question q = e.getKey();
                if (!q.thisChunk() && q.firstAnswer() != null && e.getValue().isBefore(q.firstAnswer())) {
                    changed.add(e);
                }
            }
            if (changed.isEmpty()) {
                return;
            }
            try (PreparedStatement st =
                    c.prepareStatement("update post set first_answer_at = ?, first_answer_seconds = ? where id = ?")) {
                for (Map.Entry<Question, Instant> e : changed) {
                    Instant first = e.getValue();
                    st.setObject(1, first == null ? null : java.time.OffsetDateTime.ofInstant(first, ZoneOffset.UTC));
                    if (first == null) {
                        st.setNull(2, java.sql.Types.BIGINT);
                    } else {
                        st.setLong(2, secondsTo(e.getKey().created(), first));
                    }
                    st.setLong(3, e.getKey().id());
                    st.addBatch();
                }
                st.executeBatch();
            }
        }

        /**
         * Points questions at their accepted answers, just written, while their rows are still in the database's
         * cache: a question's AcceptedAnswerId names an answer that comes after it in the file, so with batches this
         * cannot be part of the question's insert. Each link draws a new row version, or takes the one {@code
         * versions} (question id -> version) drew for it. The link step counts the questions left waiting as answers
         * not in the dump.
         */
        private void link(Map<Long, Long> accepted, Map<Long, Long> versions, Tally tally) throws SQLException {
            if (accepted.isEmpty()) {
                return;
            }
            try (PreparedStatement st = c.prepareStatement(
                    "update post set accepted_answer_id = ?, dump_accepted_number = null, row_version = "
                            + (versions == null ? rowVersion : "?") + " where id = ?")) {
                for (Map.Entry<Long, Long> e : accepted.entrySet()) {
                    st.setLong(1, e.getValue());
                    if (versions == null) {
                        st.setLong(2, e.getKey());
                    } else {
                        st.setLong(2, versions.get(e.getKey()));
                        st.setLong(3, e.getKey());
                    }
                    st.addBatch();
                }
                for (int updated : st.executeBatch()) {
                    tally.pendingLinks -= updated >= 0 ? updated : 1; // SUCCESS_NO_INFO: one row by id
                }
            }
        }

        /** Tag wikis, excerpts and the other post types: kept whole in {@code dump_post}. */
        private void writeOther(DumpRow row, long number, int type) throws SQLException {
            Batches.Rows other = otherInsert;
            other.setLong(1, otherIds.next());
            other.setLong(2, ctx.siteId());
            other.setLong(3, number);
            other.setInt(4, type);
            other.setString(5, Extras.encode(row.attributes()));
            other.add();
        }
    }

    /**
     * An imported question: its id, the number of the answer its row names as accepted (null when none), when it was
     * asked, its first-answer time as written (null when none), and whether the current chunk wrote it.
     */
    private record Question(long id, Long acceptedNumber, Instant created, Instant firstAnswer, boolean thisChunk) {}

    /** Whole seconds from {@code asked} to {@code answered}, never negative, as {@link LinkBatchlet} computes them. */
    static long secondsTo(Instant asked, Instant answered) {
        return Math.max(0, java.time.Duration.between(asked, answered).getSeconds());
    }

    /** number -> question for the numbers of {@code numbers} that are questions of the site. */
    private Map<Long, Question> questions(Connection c, Set<Long> numbers) throws SQLException {
        return lookup(
                c,
                "select id, dump_accepted_number, created_at, first_answer_at from post"
                        + " where site_id = ? and post_type = 'Q' and number = ?",
                ctx.siteId(),
                numbers,
                rs -> new Question(
                        rs.getLong(1),
                        rs.getObject(2, Long.class),
                        instant(rs.getObject(3, java.time.OffsetDateTime.class)),
                        instant(rs.getObject(4, java.time.OffsetDateTime.class)),
                        false));
    }

    private static Instant instant(java.time.OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** The sanitised HTML of a question's or an answer's body (a fifth of the step), made on the reading thread. */
    @Override
    DumpRow prepare(DumpRow row) {
        String type = row.get("PostTypeId");
        String body = row.get("Body");
        if (body == null || !("1".equals(type) || "2".equals(type))) {
            return row;
        }
        try {
            return row.withPrepared(ctx.markdown().sanitize(body));
        } catch (RuntimeException e) {
            return row; // the writer sanitises it, and meets the problem in its place
        }
    }

    /** A question's values as {@code writeQuestion} parsed them, bound into its row now (batches) or later (COPY). */
    private record HeldQuestion(
            long id,
            long number,
            Common common,
            String title,
            String tagNames,
            int answerCount,
            long viewCount,
            Instant closed,
            Long accepted,
            Map<String, String> extras) {}

    private record PendingAnswer(long number, long parent, Common common, Map<String, String> extras) {}

    /** The columns questions and answers share, parsed from a row. */
    private final class Common {
        Long ownerId;
        String ownerName;
        String body;
        String bodyHtml;
        int score;
        Instant created;
        Instant lastActivity;
        Instant lastEdited;
        int comments;
        String license;
        Instant communityOwned;

        /**
         * Sets {@link #COMMON_COLUMNS} but the extras (set by {@link #extrasAt}, once the other columns have added
         * theirs); returns the number of the next column.
         */
        int bind(Batches.Rows st, long id, long number, String postType) throws SQLException {
            st.setString(1, postType);
            st.setLong(2, id);
            st.setLong(3, ctx.siteId());
            st.setLong(4, number);
            st.setLong(5, ownerId);
            st.setString(6, ownerName);
            st.setString(7, body);
            st.setString(8, bodyHtml);
            st.setInt(9, score);
            st.setInstant(10, created);
            st.setInstant(11, lastActivity);
            st.setInstant(12, lastEdited);
            st.setInt(13, comments);
            st.setString(14, license);
            st.setInstant(15, communityOwned);
            return COMMON_COLUMNS.length + 1;
        }

        void extrasAt(Batches.Rows st, int index, Map<String, String> extras) throws SQLException {
            // Never null for imported posts: an empty string marks a post as imported (see ValidateBatchlet).
            String encoded = Extras.encode(extras);
            st.setString(index, encoded == null ? "" : encoded);
        }
    }

    private Common common(DumpRow row, Map<String, String> extras, Map<Long, Long> userIds, Tally tally) {
        Common c = new Common();
        Long owner = optionalLong(row, "OwnerUserId");
        c.ownerId = owner == null ? null : userIds.get(owner);
        String displayName = row.get("OwnerDisplayName");
        if (owner != null && c.ownerId == null) {
            // Deleted user: keep the id for export, show the name the row gives or the one Stack Exchange shows.
            extras.put("OwnerUserId", row.get("OwnerUserId"));
            tally.note("owner not in Users.xml (shown by name)");
        }
        if (c.ownerId == null) {
            c.ownerName = truncate(displayName != null ? displayName : owner != null ? "user" + owner : null, 40);
        } else {
            c.ownerName = null;
        }
        String body = row.get("Body");
        c.body = body == null ? "" : body;
        c.bodyHtml =
                row.prepared() instanceof String html ? html : ctx.markdown().sanitize(c.body);
        c.score = intOr(row, "Score", 0);
        c.created = date(row, "CreationDate", extras);
        if (c.created == null) {
            throw new Skip("missing CreationDate");
        }
        c.lastActivity = date(row, "LastActivityDate", extras);
        if (c.lastActivity == null) {
            c.lastActivity = c.created;
        }
        c.lastEdited = date(row, "LastEditDate", extras);
        c.comments = intOr(row, "CommentCount", 0);
        c.license = row.get("ContentLicense");
        if (c.license != null && c.license.length() > 40) {
            extras.put("ContentLicense", c.license);
            c.license = c.license.substring(0, 40);
        }
        c.communityOwned = date(row, "CommunityOwnedDate", extras);
        return c;
    }

    /**
     * The tag names of a Tags attribute in either format, {@code <a><b>} or {@code |a|b|}, lower-cased, in order,
     * without repeats.
     */
    static List<String> parseTags(String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        String t = tags.strip();
        String[] parts;
        if (t.startsWith("<")) {
            parts = t.substring(1, t.endsWith(">") ? t.length() - 1 : t.length())
                    .split("><");
        } else {
            parts = t.split("\\|");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String p : parts) {
            String name = p.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return new ArrayList<>(out);
    }

    /** name -> id for the valid names, creating the site's missing tags. */
    private Map<String, Long> tagIds(Connection c, Set<String> names) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        List<String> valid = names.stream().filter(Tag::isValidName).toList();
        if (valid.isEmpty()) {
            return ids;
        }
        ids.putAll(lookup(
                c, "select id from tag where site_id = ? and name = ?", ctx.siteId(), valid, rs -> rs.getLong(1)));
        Map<String, Long> created = new LinkedHashMap<>();
        DumpDatabase.Ids tagIds = ctx.db().new Ids(c, "tag_id_seq");
        for (String name : valid) {
            if (!ids.containsKey(name)) {
                created.put(name, tagIds.next());
            }
        }
        if (!created.isEmpty()) {
            try (PreparedStatement st =
                    c.prepareStatement("insert into tag (id, site_id, name, question_count) values (?, ?, ?, 0)")) {
                for (Map.Entry<String, Long> e : created.entrySet()) {
                    st.setLong(1, e.getValue());
                    st.setLong(2, ctx.siteId());
                    st.setString(3, e.getKey());
                    st.addBatch();
                }
                st.executeBatch();
            }
            ids.putAll(created);
        }
        return ids;
    }
}
