package io.callflow.app.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's tables built again in the schema {@value #SCHEMA}, under the same names, while the live
 * ones keep answering; then swapped in within one transaction. The projection code writes unqualified
 * table names, so a transaction whose {@code search_path} starts with {@value #SCHEMA} writes the shadow.
 */
final class ShadowTables {
    static final String SCHEMA = "projection_rebuild";
    /**
     * How long the swap waits for readers to leave the live tables. Kept short: while the swap waits for its
     * lock, new readers queue behind it, so a long wait would be the very downtime this avoids.
     */
    static final String LOCK_TIMEOUT = "500ms";

    private final JdbcTemplate jdbc;
    private final List<String> tables;

    ShadowTables(JdbcTemplate jdbc, List<String> tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /**
     * Empty copies of the live tables: columns, defaults, constraints and unique indexes (the upserts need
     * them). The other indexes come later ({@link #createSecondaryIndexes()}): building them once over the
     * loaded rows is cheaper than keeping them up to date through every insert of the long pass.
     */
    void create() {
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + table);
            jdbc.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            for (String name : jdbc.queryForList(SECONDARY, String.class, SCHEMA, table)) {
                jdbc.execute("DROP INDEX " + SCHEMA + ".\"" + name + "\"");
            }
        }
    }

    /** The live tables' non-unique indexes on the shadow tables, named by PostgreSQL ({@link #swap()} renames them). */
    void createSecondaryIndexes() {
        for (String table : tables) {
            for (String definition : jdbc.queryForList(SECONDARY_DEFINITIONS, String.class, "public", table)) {
                jdbc.execute(definition.replaceFirst("INDEX \\S+ ON public\\.", "INDEX ON " + SCHEMA + "."));
            }
        }
    }

    private static final String SECONDARY = "SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = ? "
            + "AND indexdef NOT LIKE 'CREATE UNIQUE INDEX %'";
    private static final String SECONDARY_DEFINITIONS = "SELECT indexdef FROM pg_indexes WHERE schemaname = ? "
            + "AND tablename = ? AND indexdef NOT LIKE 'CREATE UNIQUE INDEX %'";

    /** Points this transaction's unqualified table names at the shadow tables. */
    void writeHere() {
        jdbc.execute("SET LOCAL search_path TO " + SCHEMA + ", public");
    }

    /**
     * Replaces the live tables with the shadow ones; to be called inside a transaction, so readers see the
     * old rows until it commits and the new rows after. Indexes get their old names back (PostgreSQL names
     * the copies itself), so later migrations find them by name.
     */
    void swap() {
        jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
        for (String table : tables) {
            Map<String, String> liveNames = indexNamesByShape("public", table);
            Map<String, String> shadowNames = indexNamesByShape(SCHEMA, table);
            jdbc.execute("DROP TABLE public." + table);
            jdbc.execute("ALTER TABLE " + SCHEMA + "." + table + " SET SCHEMA public");
            shadowNames.forEach((shape, name) -> {
                String wanted = liveNames.get(shape);
                if (wanted != null && !wanted.equals(name)) {
                    jdbc.execute("ALTER INDEX public.\"" + name + "\" RENAME TO \"" + wanted + "\"");
                }
            });
        }
    }

    void drop() {
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + SCHEMA + "." + table);
        }
    }

    /** Index names keyed by their definition without the index's own name and the table's schema. */
    private Map<String, String> indexNamesByShape(String schema, String table) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ?",
                row -> {
                    String shape = row.getString(2).replaceFirst("INDEX \\S+ ON \\S+\\.", "INDEX ON ");
                    names.put(shape, row.getString(1));
                }, schema, table);
        return names;
    }
}
