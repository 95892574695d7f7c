package io.callflow.projection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The shapes of the batched statements the projections prepare once and bind per event. */
final class BatchStatements {
    private BatchStatements() {
    }

    /** A placeholder per column, for an insert whose values are bound later. */
    static List<Object> blanks(List<Field<?>> fields) {
        return Collections.nCopies(fields.size(), null);
    }

    /** {@code ON CONFLICT ... DO UPDATE SET} each of these columns to the value the insert proposed. */
    static Map<Field<?>, Field<?>> excludedAll(List<Field<?>> fields) {
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        fields.forEach(f -> set.put(f, DSL.excluded(f)));
        return set;
    }
}
