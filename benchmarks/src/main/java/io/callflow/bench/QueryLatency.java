package io.callflow.bench;

import io.callflow.domain.common.CustomerId;
import io.callflow.domain.common.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Query latency (issue 5, benchmark 2) at one million events and 100,000 activeflows ({@link History}, all
 * of the admin key's customer): p50/p99 over HTTP with the API key, from {@code bench.clients} threads in a
 * closed loop, of an activeflow's timeline, the activeflow list's first page and a deep page (its
 * {@code page_token} taken from the row half-way down the list), and {@code GET /v1/events?aggregate_id=}.
 * Each picks a random activeflow per request where it names one. Baseline, same run, same database: the
 * SQL each request runs, sent over plain JDBC from the same number of threads, rows read and dropped.
 *
 * <p>Settings: {@code bench.events} (1,000,000), {@code bench.clients} (4), {@code bench.warmup} (3 s),
 * {@code bench.duration} (10 s), {@code bench.projection-timeout} (1,800 s), {@code bench.history-dir} (none: a
 * fresh directory, deleted at the end; a directory: kept, and the history made there by an earlier run reused),
 * {@code bench.queries} (which of the four, from 0: {@code 0,1,2,3}), {@code bench.jit-settle} (120 s: the
 * longest warm-up, see {@link JitSettle}).
 */
public final class QueryLatency {
    static final double TARGET_P99_MS = 20;
    private static final String ACTIVEFLOW_EVENTS = "io.callflow.domain.activeflow.%";

    public static void main(String[] args) {
        Program.run(QueryLatency::run);
    }

    /** One query, over HTTP and as its SQL over JDBC. */
    private record Query(String name, Load.Operation http, Load.Operation sql) {
    }

    static void run() throws Exception {
        long events = Settings.integer("bench.events", 1_000_000);
        int clients = Settings.integer("bench.clients", 4);
        Duration warmup = Settings.seconds("bench.warmup", 3);
        Duration duration = Settings.seconds("bench.duration", 10);
        Duration limit = Settings.seconds("bench.projection-timeout", 1800);
        String reuse = Settings.text("bench.history-dir", "");
        try (Platform platform = reuse.isEmpty() ? Platform.start("query-latency")
                : Platform.startIn(java.nio.file.Path.of(reuse).toAbsolutePath(), true)) {
            System.out.println();
            System.out.println("== QueryLatency: timeline, list and event queries over HTTP vs their SQL over JDBC ==");
            platform.describe("QueryLatency");
            DataSource db = platform.dataSource();
            Http http = platform.http();
            CustomerId customer = platform.adminCustomer();
            History.Loaded history = History.loadOrAppend(platform, customer, events, limit);
            List<UUID> ids = history.ids();
            long stored = RebuildSpeed.count(db, "SELECT count(*) FROM domainevententry");
            long activeflows = RebuildSpeed.count(db, "SELECT count(*) FROM activeflows");
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE"); // as autovacuum would have by now on a database that grew over months
            }
            String deepToken = deepPageToken(db, customer, activeflows / 2);
            System.out.printf("  %,d events, %,d activeflows; deep page: after row %,d (page_token %s); %d clients, "
                    + "%s warm-up, %s measured per query%n", stored, activeflows, activeflows / 2, deepToken, clients,
                    warmup, duration);

            UUID owner = customer.value();
            List<Query> all = List.of(
                    new Query("GET /v1/timelines/activeflows/{id}/events",
                            (s, n) -> http.get("/v1/timelines/activeflows/" + pick(ids) + "/events"),
                            (s, n) -> timelineSql(db, pick(ids))),
                    new Query("GET /v1/activeflows?page_size=50 (first page)",
                            (s, n) -> http.get("/v1/activeflows?page_size=50"),
                            (s, n) -> listSql(db, owner, null)),
                    new Query("GET /v1/activeflows?page_size=50&page_token= (row " + activeflows / 2 + ")",
                            (s, n) -> http.get("/v1/activeflows?page_size=50&page_token=" + deepToken),
                            (s, n) -> listSql(db, owner, deepToken)),
                    new Query("GET /v1/events?aggregate_id={id}",
                            (s, n) -> http.get("/v1/events?aggregate_id=" + pick(ids)),
                            (s, n) -> eventsSql(db, owner, pick(ids))));
            // e.g. -Dbench.queries=0 for the timeline alone (to profile one query)
            List<Query> queries = Settings.integers("bench.queries", "0,1,2,3").stream().map(all::get).toList();

            explain(db, owner, ids.get(0), deepToken);
            Table table = new Table("", "requests/s", "p50 ms", "p99 ms", "max ms", "SQL/s", "SQL p50", "SQL p99",
                    "target p99 <= 20 ms");
            boolean allMet = true;
            JitSettle.warm(() -> {
                for (Query query : queries) {
                    Load.forDuration(clients, Duration.ZERO, warmup, query.http());
                }
            });
            for (Query query : queries) {
                Load.forDuration(clients, Duration.ZERO, warmup, query.http());
                Watch watch = Watch.start(db); // CPU per request over the measured requests only
                Load.Result overHttp = Load.forDuration(clients, Duration.ZERO, duration, query.http());
                watch.close();
                Load.Result overSql = Load.forDuration(clients, warmup, duration, query.sql());
                ActiveflowThroughput.report(query.name(), overHttp, watch);
                boolean met = overHttp.errors() == 0 && overHttp.millis(99) <= TARGET_P99_MS;
                allMet &= met;
                table.row(query.name(), Table.rate(overHttp.perSecond()), Table.ms(overHttp.millis(50)),
                        Table.ms(overHttp.millis(99)), Table.ms(overHttp.millis(100)), Table.rate(overSql.perSecond()),
                        Table.ms(overSql.millis(50)), Table.ms(overSql.millis(99)), Table.verdict(met));
            }
            System.out.println();
            System.out.printf("QueryLatency results (%,d events, %,d activeflows, %d clients each over HTTP and over "
                    + "JDBC)%n", stored, activeflows, clients);
            System.out.print(table.render());
            System.out.printf("target: p99 <= %.0f ms for every query: %s%n", TARGET_P99_MS, Table.verdict(allMet));
            System.out.println();
        }
    }

    private static UUID pick(List<UUID> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    /** The list's token for the page after row {@code offset}, newest first, as the list itself writes it. */
    private static String deepPageToken(DataSource db, CustomerId customer, long offset) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT tm_create, id "
                + "FROM activeflows WHERE customer_id = ? AND tm_delete IS NULL ORDER BY tm_create DESC, id DESC "
                + "OFFSET ? LIMIT 1")) {
            s.setObject(1, customer.value());
            s.setLong(2, offset);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return Timestamps.format(r.getObject(1, OffsetDateTime.class)) + "_" + r.getObject(2, UUID.class);
            }
        }
    }

    // The SQL of each request, as TimelineQueries, ActiveflowQueries and EventHistory send it.

    private static final String TIMELINE_PAGE = "SELECT sequencenumber, payloadtype, payload, metadata, timestamp "
            + "FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber > -1 AND payloadtype LIKE ? "
            + "ORDER BY sequencenumber LIMIT 100";
    // one statement per page: the page's activeflows, then each child table once for all of them, aggregated into
    // the API's JSON (as ActiveflowQueries renders it)
    private static final String LIST_CHILDREN = "executed(activeflow_id, actions) AS (SELECT x.activeflow_id, "
            + "json_agg(json_build_object('id', x.action_id, 'next_id', x.next_id, 'type', x.type, 'option', x.option) "
            + "ORDER BY x.step) FROM activeflow_actions x WHERE x.activeflow_id IN (SELECT id FROM page) "
            + "GROUP BY x.activeflow_id), variables(activeflow_id, vals) AS (SELECT v.activeflow_id, "
            + "json_object_agg(v.name, v.value ORDER BY v.name) FROM activeflow_variables v "
            + "WHERE v.activeflow_id IN (SELECT id FROM page) GROUP BY v.activeflow_id) "
            + "SELECT a.id, a.customer_id, a.flow_id, a.flow_version, a.status, a.reference_type, a.reference_id, "
            + "a.reference_activeflow_id, a.on_complete_flow_id, a.current_action, a.forward_action_id, "
            + "executed.actions, variables.vals, a.execute_count, a.stop_reason, a.stop_detail, a.tm_create, "
            + "a.tm_update, a.tm_end, a.tm_delete FROM page JOIN activeflows a ON a.id = page.id "
            + "LEFT JOIN executed ON executed.activeflow_id = a.id LEFT JOIN variables ON variables.activeflow_id = a.id "
            + "ORDER BY a.tm_create DESC, a.id DESC";
    private static final String LIST_PAGE = "WITH page(id) AS (SELECT id FROM activeflows WHERE customer_id = ? "
            + "AND tm_delete IS NULL ORDER BY tm_create DESC, id DESC LIMIT 50), " + LIST_CHILDREN;
    private static final String LIST_DEEP_PAGE = "WITH page(id) AS (SELECT id FROM activeflows WHERE customer_id = ? "
            + "AND tm_delete IS NULL AND (tm_create, id) < (?, ?) ORDER BY tm_create DESC, id DESC LIMIT 50), "
            + LIST_CHILDREN;
    private static final String EVENTS_PAGE = "SELECT d.globalindex, d.aggregateidentifier, d.sequencenumber, "
            + "d.payloadtype, d.payload, d.metadata, d.timestamp, a.flow_version FROM domainevententry d "
            + "LEFT JOIN activeflows a ON a.id = CASE WHEN d.payloadtype LIKE ? THEN d.aggregateidentifier::uuid END "
            + "AND a.customer_id = d.customer_id WHERE d.customer_id = ? AND d.aggregateidentifier = ? "
            + "ORDER BY d.globalindex LIMIT 100";

    /** The first page: the owner is checked on its first row, so one statement. */
    private static void timelineSql(DataSource db, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement page = c.prepareStatement(TIMELINE_PAGE)) {
            page.setString(1, id.toString());
            page.setString(2, ACTIVEFLOW_EVENTS);
            drain(page);
        }
    }

    private static void listSql(DataSource db, UUID customer, String token) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement page = c.prepareStatement(token == null ? LIST_PAGE : LIST_DEEP_PAGE)) {
            page.setObject(1, customer);
            if (token != null) {
                int separator = token.lastIndexOf('_');
                page.setObject(2, OffsetDateTime.parse(token.substring(0, separator)));
                page.setObject(3, UUID.fromString(token.substring(separator + 1)));
            }
            drain(page);
        }
    }

    private static void eventsSql(DataSource db, UUID customer, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement page = c.prepareStatement(EVENTS_PAGE)) {
            page.setString(1, ACTIVEFLOW_EVENTS);
            page.setObject(2, customer);
            page.setString(3, id.toString());
            drain(page);
        }
    }

    private static void drain(PreparedStatement statement) throws SQLException {
        try (ResultSet r = statement.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int i = 1; i <= columns; i++) {
                    r.getObject(i);
                }
            }
        }
    }

    /** The plan of each query's main statement, to see which index answers it. */
    private static void explain(DataSource db, UUID customer, UUID id, String token) throws SQLException {
        int separator = token.lastIndexOf('_');
        try (Connection c = db.getConnection()) {
            plan(c, "timeline", TIMELINE_PAGE, id.toString(), ACTIVEFLOW_EVENTS);
            plan(c, "list, first page", LIST_PAGE, customer);
            plan(c, "list, deep page", LIST_DEEP_PAGE, customer, OffsetDateTime.parse(token.substring(0, separator)),
                    UUID.fromString(token.substring(separator + 1)));
            plan(c, "events", EVENTS_PAGE, ACTIVEFLOW_EVENTS, customer, id.toString());
        }
    }

    private static void plan(Connection c, String name, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS OFF) " + sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String line = r.getString(1).trim();
                    if (line.contains("Scan") || line.startsWith("Execution Time")) {
                        plan.append(plan.length() == 0 ? "" : "; ").append(line.replaceAll("\\s+\\(cost=[^)]*\\)", ""));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "  plan, %s: %s%n", name, plan);
        }
    }
}
