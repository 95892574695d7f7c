package io.callflow.app.axon;

import io.callflow.domain.common.CustomerEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * How Axon appends events: its own nine columns, and the two the customer-wide history reads
 * ({@code customer_id}, {@code occurred_at}, V6) from the event itself, so the hash-chain trigger
 * need not parse every payload as JSON to find them (V10). Both are what the trigger would have
 * read out of the stored payload: the event's customer, and its {@code at} cut to microseconds;
 * a test holds every stored row to that. Where an event has neither, they stay NULL and the
 * trigger reads them from the payload as before.
 */
final class EventRows {
    private EventRows() {
    }

    /** An {@code AppendEventsStatementBuilder}: one batched insert of the events, in order. */
    static PreparedStatement append(Connection connection, EventSchema schema, Class<?> dataType,
                                    List<? extends EventMessage<?>> events, Serializer serializer,
                                    TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ", customer_id, occurred_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            CustomerEvent customerEvent = event.getPayload() instanceof CustomerEvent e ? e : null;
            if (customerEvent != null && customerEvent.customerId() != null) {
                statement.setObject(10, customerEvent.customerId().value());
            } else {
                statement.setNull(10, Types.OTHER);
            }
            Instant at = customerEvent == null ? null : customerEvent.at();
            if (at != null) {
                statement.setObject(11, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            } else {
                statement.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            statement.addBatch();
        }
        return statement;
    }
}
