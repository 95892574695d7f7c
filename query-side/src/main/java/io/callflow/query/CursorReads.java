package io.callflow.query;

import java.util.function.Consumer;
import org.jooq.Cursor;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a result of any size in constant memory. PostgreSQL's driver streams rows through a
 * server-side cursor only inside a transaction and with a fetch size; without both it materialises
 * the whole result in the JVM first. Read-only, because nothing here should ever write.
 */
@Component
public class CursorReads {
    private static final int FETCH_SIZE = 1000;

    private final TransactionTemplate readOnly;

    public CursorReads(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Hands each row to {@code each}, in the query's order, on the calling thread. */
    public <R extends Record> void forEach(ResultQuery<R> query, Consumer<? super R> each) {
        readOnly.executeWithoutResult(status -> {
            try (Cursor<R> rows = query.fetchSize(FETCH_SIZE).fetchLazy()) {
                rows.forEach(each);
            }
        });
    }
}
