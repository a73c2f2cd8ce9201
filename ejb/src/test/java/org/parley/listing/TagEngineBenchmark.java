package org.parley.listing;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.post.QuestionSort;

/**
 * One page (30 questions, page 1 or 100) of a tag list on {@link BenchData}'s questions: answered by the engine's
 * snapshot, and by {@link SqlListing} on H2 (Parley's schema and indexes) with the same data, parameters and order.
 * Sample time, so the JSON result holds percentiles. Run by {@code scripts/bench.sh tags}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 2, time = 4)
@Fork(1)
public class TagEngineBenchmark {

    static final int PAGE_SIZE = 30;

    /** What one list asks for. */
    @State(Scope.Benchmark)
    public static class Query {
        @Param({"one", "and", "or", "andnot"})
        public String query;

        @Param({"1", "100"})
        public int page;

        @Param({"NEWEST", "VOTES"})
        public String sort;
    }

    @State(Scope.Benchmark)
    public static class Engine {
        SiteIndex index;
        java.util.Map<String, TagExpression> queries;

        @Setup(Level.Trial)
        public void build() {
            SyntheticQuestions data = BenchData.generate();
            queries = BenchData.queries(data);
            index = data.index();
        }
    }

    @State(Scope.Benchmark)
    public static class Sql {
        BenchData.Database db;
        SqlListing listing;
        java.util.Map<String, TagExpression> queries;

        @Setup(Level.Trial)
        public void open() throws Exception {
            SyntheticQuestions data = BenchData.generate();
            queries = BenchData.queries(data);
            db = BenchData.database(data);
            listing = db.h2().bean(SqlListing.class);
        }

        @TearDown(Level.Trial)
        public void close() {
            db.close();
        }
    }

    @Benchmark
    public IdPage engine(Engine engine, Query q) {
        return engine.index.questions(
                engine.queries.get(q.query), QuestionSort.valueOf(q.sort), q.page, PAGE_SIZE, new ArrayList<>());
    }

    /** Fewer, longer iterations: one SQL list takes from milliseconds to seconds on H2. */
    @Benchmark
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 1, time = 8)
    public IdPage sql(Sql sql, Query q) {
        return sql.db
                .h2()
                .tx(() -> sql.listing.questions(
                        sql.db.siteId(), sql.queries.get(q.query), QuestionSort.valueOf(q.sort), q.page, PAGE_SIZE));
    }
}
