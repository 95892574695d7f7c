package io.callflow.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Query;

/**
 * One statement as jOOQ writes it (with a placeholder per value), executed over JDBC as a batch
 * with one set of values per row, or once ({@link Statement#execute}). The statement is written
 * once, when the projection starts; per row only values are bound, so a projection renders nothing
 * per event (jOOQ's own batches bound each value through its binding machinery: about half of the
 * activeflow projection's write time; rendering a statement per event was most of the call
 * projection's).
 */
final class PreparedBatch {
    /** The text of a statement, written once. */
    record Statement(String sql) {
        static Statement of(Query query) {
            return new Statement(query.getSQL());
        }

        /** A query's first row read by {@code row}, or none. */
        <T> Optional<T> first(DSLContext sql, Row<T> row, Object... values) {
            return sql.connectionResult(connection -> {
                try (PreparedStatement prepared = connection.prepareStatement(this.sql)) {
                    bindAll(prepared, values);
                    try (ResultSet rows = prepared.executeQuery()) {
                        return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
                    }
                }
            });
        }

        /** Runs it once with {@code values}, in the current transaction; returns the rows it changed. */
        int execute(DSLContext sql, Object... values) {
            return sql.connectionResult(connection -> {
                try (PreparedStatement prepared = connection.prepareStatement(this.sql)) {
                    bindAll(prepared, values);
                    return prepared.executeUpdate();
                }
            });
        }
    }

    /** Reads one row of a query's result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Statement statement;
    private final List<Object[]> rows = new ArrayList<>();

    PreparedBatch(Statement statement) {
        this.statement = statement;
    }

    void add(Object... values) {
        rows.add(values);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Executes the rows added so far on {@code connection}, in their order, and forgets them. */
    void execute(Connection connection) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
            for (Object[] row : rows) {
                bindAll(prepared, row);
                prepared.addBatch();
            }
            prepared.executeBatch();
        }
        rows.clear();
    }

    private static void bindAll(PreparedStatement prepared, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(prepared, i + 1, values[i]);
        }
    }

    /** The statements jOOQ writes cast every placeholder to its column's type, so text and objects bind as they are. */
    private static void bind(PreparedStatement prepared, int index, Object value) throws SQLException {
        if (value == null) {
            prepared.setNull(index, Types.OTHER);
        } else if (value instanceof JSON json) {
            prepared.setString(index, json.data());
        } else {
            prepared.setObject(index, value);
        }
    }
}
