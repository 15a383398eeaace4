package io.consort.community.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.consort.community.Community;
import io.consort.community.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search p50/p95 over {@code bench.rows} resources and posts (half each) with visibility filtering, through
 * {@code GET /api/v1/community/search} as a GOLD member of one program and region, beside the same
 * {@code websearch_to_tsquery} match-and-rank run raw in {@code psql} (no visibility, no snippets, no
 * HTTP) over the same tables, in the same run. Tagged "bench": run by bench/community/run.sh only.
 */
@QuarkusTest
@Tag("bench")
class CommunitySearchBenchmark {

    static final int ROWS = Integer.getInteger("bench.rows", 100_000);
    static final int CALLS = Integer.getInteger("bench.calls", 200);
    static final int WARMUPS = Integer.getInteger("bench.warmups", 20);
    static final int LIMIT = 20;
    /** Queries of different selectivity: common words, rarer words, a phrase, two words. */
    static final String[] QUERIES = { "pricing", "renewal", "webinar", "kubernetes migration", "\"deal registration\"",
            "firewall", "rebate", "onboarding checklist", "quota", "analytics" };

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI root;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void searchBesideRawTsquery() throws Exception {
        UUID program = UUID.randomUUID();
        UUID otherProgram = UUID.randomUUID();
        long loadStart = System.nanoTime();
        load(program, otherProgram);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        UUID partner = Community.member(program, "EMEA", "GOLD");
        String token = Tokens.partnerUser("bench", partner);

        // java.net.http rather than RestAssured for the timed calls: RestAssured's request building and Groovy
        // response paths are the client's time, not the service's. A small list as the same member beside each
        // search shows what any request costs here (HTTP, token, membership, one query) on this machine now.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < WARMUPS; i++) {
            call(http, token, "/api/v1/community/search?limit=" + LIMIT + "&q=" + encode(QUERIES[i % QUERIES.length]));
            call(http, token, "/api/v1/spaces?limit=1");
        }
        List<Double> service = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        long hits = 0;
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            JsonNode page = call(http, token, "/api/v1/community/search?limit=" + LIMIT + "&q=" + encode(QUERIES[i % QUERIES.length]));
            service.add((System.nanoTime() - start) / 1e6);
            hits += page.path("items").size();
            start = System.nanoTime();
            call(http, token, "/api/v1/spaces?limit=1");
            floor.add((System.nanoTime() - start) / 1e6);
        }
        List<Double> raw = psql();

        StringBuilder out = new StringBuilder();
        out.append("=== Community benchmark (search) ===\n");
        out.append(String.format(Locale.ROOT, "data: %,d resources + %,d posts in 40 spaces, loaded in %.1f s (SQL, not timed below)%n",
                ROWS / 2, ROWS - ROWS / 2, loadSeconds));
        out.append(String.format(Locale.ROOT, "calls: %d (after %d warm-ups), %d queries round-robin, limit %d, %.1f hits per call%n",
                CALLS, WARMUPS, QUERIES.length, LIMIT, (double) hits / CALLS));
        out.append(String.format(Locale.ROOT, "GET /api/v1/community/search (GOLD member, visibility + ranking + snippets + HTTP): p50 %.1f ms  p95 %.1f ms%n",
                percentile(service, 50), percentile(service, 95)));
        out.append(String.format(Locale.ROOT, "GET /api/v1/spaces?limit=1 (same member: HTTP + token + membership + one small query):  p50 %.1f ms  p95 %.1f ms%n",
                percentile(floor, 50), percentile(floor, 95)));
        out.append(String.format(Locale.ROOT, "raw psql: same tsquery, match + ts_rank + top %d over both tables, no visibility:   p50 %.1f ms  p95 %.1f ms%n",
                LIMIT, percentile(raw, 50), percentile(raw, 95)));
        out.append(String.format(Locale.ROOT, "ratio p50 %.1fx  p95 %.1fx%n", percentile(service, 50) / percentile(raw, 50),
                percentile(service, 95) / percentile(raw, 95)));
        out.append("=== end of community benchmark ===\n");
        System.out.print(out);
    }

    private JsonNode call(HttpClient http, String token, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(root.resolve(path.substring(1)))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /**
     * Spaces with varied rules, threads, then posts and resources with text drawn from a vocabulary (one word
     * in ten from 70 partner-business words, the rest from 5,000 filler terms), all in SQL (generate_series)
     * so the load is quick; about half of the rows is gated away from the member.
     */
    private void load(UUID program, UUID otherProgram) throws Exception {
        int resources = ROWS / 2;
        int posts = ROWS - resources;
        String vocabulary = "array['pricing','renewal','webinar','kubernetes','migration','deal','registration','firewall',"
                + "'rebate','onboarding','checklist','quota','analytics','partner','customer','pipeline','forecast','cloud',"
                + "'security','network','storage','backup','identity','endpoint','licence','discount','margin','campaign',"
                + "'lead','opportunity','contract','support','training','certification','roadmap','release','integration',"
                + "'api','dashboard','report','invoice','budget','marketing','event','summit','demo','trial','upgrade',"
                + "'bundle','bid','tender','compliance','audit','gdpr','latency','uptime','incident','ticket','escalation',"
                + "'workshop','playbook','template','brochure','datasheet','whitepaper','video','podcast','newsletter']";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into space (id, name, kind, min_tier, min_tier_rank, program_ids, regions, hidden, created_at, created_by, version)
                    select gen_random_uuid(), 'space ' || g, 'GENERAL', null,
                           case when g %% 4 = 1 then 3 else null end,
                           case when g %% 4 = 2 then array['%s'::uuid] else '{}' end,
                           case when g %% 4 = 3 then array['APAC'] else '{}' end,
                           false, now(), 'bench', 0
                    from generate_series(1, 40) g""".formatted(otherProgram));
            s.execute("""
                    insert into discussion_thread (id, space_id, kind, title, body, author_id, created_at, last_activity_at, version)
                    select gen_random_uuid(), (select id from space order by id offset (g % 40) limit 1), 'DISCUSSION',
                           'thread ' || g, 'opening text ' || g, 'bench', now(), now(), 0
                    from generate_series(1, 2000) g""");
            s.execute("""
                    with v as (select %s as words), t as (select array_agg(id) as ids from discussion_thread)
                    insert into post (id, thread_id, body, author_id, hidden, created_at, version)
                    select gen_random_uuid(), t.ids[1 + (g %% array_length(t.ids, 1))],
                           (select string_agg(case when random() < 0.1 then words[1 + floor(random() * array_length(words, 1))::int] else 'term' || floor(random() * 5000)::int end, ' ')
                              from v, generate_series(1, 25 + g %% 20) w where g > 0),
                           'bench', g %% 50 = 0, now(), 0
                    from generate_series(1, %d) g, t""".formatted(vocabulary, posts));
            s.execute("""
                    with v as (select %s as words)
                    insert into library_resource (id, title, description, kind, tags, tags_text, min_tier_rank, program_ids,
                           regions, hidden, current_version, created_at, created_by, updated_at, version)
                    select gen_random_uuid(),
                           (select string_agg(case when random() < 0.1 then words[1 + floor(random() * array_length(words, 1))::int] else 'term' || floor(random() * 5000)::int end, ' ')
                              from v, generate_series(1, 4) w where g > 0),
                           (select string_agg(case when random() < 0.1 then words[1 + floor(random() * array_length(words, 1))::int] else 'term' || floor(random() * 5000)::int end, ' ')
                              from v, generate_series(1, 30) w where g > 0),
                           'LINK', array['bench'], 'bench',
                           case when g %% 5 = 1 then 3 else null end,
                           case when g %% 5 = 2 then array['%s'::uuid] else '{}' end,
                           case when g %% 5 = 3 then array['APAC'] else '{}' end,
                           g %% 50 = 0, 1, now(), 'bench', now(), 0
                    from generate_series(1, %d) g""".formatted(vocabulary, otherProgram, resources));
            s.execute("analyze");
        }
    }

    /** The same queries in one psql session with \timing: server round trips only, no HTTP, no JVM. */
    private List<Double> psql() throws Exception {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(jdbcUrl);
        if (!url.find()) {
            throw new IllegalStateException("cannot read " + jdbcUrl);
        }
        Process psql = new ProcessBuilder("psql", "-h", url.group(1), "-p", url.group(2), "-U",
                System.getenv().getOrDefault("PRM_PG_USER", "postgres"), "-d", url.group(3), "-qAt", "-v", "ON_ERROR_STOP=1")
                .redirectErrorStream(true).start();
        try (Writer in = new OutputStreamWriter(psql.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write("\\timing on\n\\o /dev/null\n");
            for (int i = 0; i < WARMUPS + CALLS; i++) {
                String q = QUERIES[i % QUERIES.length].replace("'", "''");
                in.write("""
                        with q as (select websearch_to_tsquery('english', '%s') as query)
                        select id, rank from (
                          select r.id, ts_rank(r.search_vector, q.query) as rank from library_resource r, q where r.search_vector @@ q.query
                          union all
                          select p.id, ts_rank(p.search_vector, q.query) from post p, q where p.search_vector @@ q.query
                        ) hits order by rank desc, id desc limit %d;
                        """.formatted(q, LIMIT + 1));
            }
        }
        List<Double> times = new ArrayList<>();
        Pattern time = Pattern.compile("^Time: ([0-9.]+) ms");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(psql.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = time.matcher(line);
                if (m.find()) {
                    times.add(Double.parseDouble(m.group(1)));
                } else if (!line.isBlank()) {
                    throw new IllegalStateException("psql: " + line);
                }
            }
        }
        if (psql.waitFor() != 0 || times.size() != WARMUPS + CALLS) {
            throw new IllegalStateException("psql gave " + times.size() + " timings");
        }
        return times.subList(WARMUPS, times.size());
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
