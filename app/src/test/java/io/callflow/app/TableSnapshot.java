package io.callflow.app;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of some tables as JSON text, in a stable order: two snapshots are equal when the rows are. */
final class TableSnapshot {
    private TableSnapshot() {
    }

    /** Each table's name on a line of its own, followed by its rows, one per line. */
    static String of(JdbcTemplate sql, List<String> tables) {
        StringBuilder rows = new StringBuilder();
        for (String table : tables) {
            rows.append(table).append('\n');
            sql.queryForList("SELECT row_to_json(t)::text FROM " + table + " t ORDER BY row_to_json(t)::text",
                    String.class).forEach(row -> rows.append(row).append('\n'));
        }
        return rows.toString();
    }
}
