package io.callflow.app.web;

import io.callflow.domain.action.Problem;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.common.Conflict;
import io.callflow.domain.common.NotFound;
import io.callflow.domain.common.PayloadTooLarge;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps what went wrong to a status and the one error shape. Nothing here ever answers 500 for bad input. */
@RestControllerAdvice
public class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ErrorBody> badRequest(BadRequest e) {
        return respond(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage(), e.problems());
    }

    /** An id of another kind of resource (a number's id given as a flow id) is not found either. */
    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class, IncompatibleAggregateException.class,
            NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ErrorBody> notFound(Exception e) {
        String message = e instanceof NotFound ? e.getMessage() : "not found";
        return respond(HttpStatus.NOT_FOUND, "not_found", message, List.of());
    }

    @ExceptionHandler({Conflict.class, AggregateStreamCreationException.class, ConcurrencyException.class,
            ConflictingModificationException.class})
    ResponseEntity<ErrorBody> conflict(Exception e) {
        String message = e instanceof Conflict ? e.getMessage()
                : "the resource was changed or created concurrently; retry with its current state";
        return respond(HttpStatus.CONFLICT, "conflict", message, List.of());
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<ErrorBody> tooLarge(PayloadTooLarge e) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "send the body as application/json", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "responses are application/json", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMessage(), List.of());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestValueException.class})
    ResponseEntity<ErrorBody> parameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : "";
        return respond(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage(),
                List.of(new Problem("/" + name, "has the wrong type or is missing")));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ErrorBody> command(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime && cause != e) {
            return handle(runtime);
        }
        return internal(e);
    }

    /** Creating an aggregate whose id is taken fails in the event store's unique key: a conflict, not a fault. */
    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ErrorBody> eventStore(EventStoreException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Cannot reuse aggregate identifier")
                    || message.contains("duplicate key"))) {
                return respond(HttpStatus.CONFLICT, "conflict", "a resource with this id exists already", List.of());
            }
        }
        return internal(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> internal(Exception e) {
        log.error("request failed", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "something went wrong on our side",
                List.of());
    }

    private ResponseEntity<ErrorBody> handle(RuntimeException e) {
        if (e instanceof BadRequest b) {
            return badRequest(b);
        }
        if (e instanceof EventStoreException store) {
            return eventStore(store);
        }
        if (e instanceof NotFound || e instanceof AggregateNotFoundException) {
            return notFound(e);
        }
        if (e instanceof Conflict || e instanceof AggregateStreamCreationException
                || e instanceof ConcurrencyException) {
            return conflict(e);
        }
        return internal(e);
    }

    static ResponseEntity<ErrorBody> respond(HttpStatus status, String code, String message, List<Problem> details) {
        return ResponseEntity.status(status).body(ErrorBody.of(code, message, details));
    }
}
