package io.callflow.app.media;

import static io.callflow.projection.jooq.Tables.CALLS;

import io.callflow.domain.activeflow.ActiveflowId;
import io.callflow.domain.activeflow.StopActiveflowForCall;
import io.callflow.domain.call.CallId;
import io.callflow.domain.call.HangupCause;
import io.callflow.domain.call.RecordCallEnded;
import io.callflow.domain.common.CustomerId;
import io.callflow.media.calls.LiveCalls;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * After a crash or restart, calls that were up have lost their SIP dialog and RTP: once the
 * platform is ready, every call created before this start that has not hung up is ended as
 * failed, and its flow stopped. One media node owns every call here; with several nodes the
 * sweep must be limited to the calls of this node.
 */
public class OrphanedCalls {
    private static final Logger log = LoggerFactory.getLogger(OrphanedCalls.class);

    private final DSLContext sql;
    private final LiveCalls live;
    private final CommandGateway commands;
    private final Clock clock;
    private final Instant started;

    public OrphanedCalls(DSLContext sql, LiveCalls live, CommandGateway commands, Clock clock) {
        this.sql = sql;
        this.live = live;
        this.commands = commands;
        this.clock = clock;
        this.started = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void endCallsLeftOver() {
        var orphans = sql.select(CALLS.ID, CALLS.CUSTOMER_ID, CALLS.ACTIVEFLOW_ID).from(CALLS)
                .where(CALLS.STATUS.ne("hangup"), CALLS.TM_CREATE.lt(started.atOffset(ZoneOffset.UTC)))
                .fetch();
        for (var orphan : orphans) {
            if (live.isLive(orphan.value1())) {
                continue;
            }
            log.info("call {} was up when the platform stopped: ending it as failed", orphan.value1());
            send(new RecordCallEnded(new CallId(orphan.value1()), HangupCause.FAILED, 0, clock.instant()));
            if (orphan.value3() != null) {
                // an outgoing call that never answered has no activeflow: nothing to stop
                send(new StopActiveflowForCall(new ActiveflowId(orphan.value3()), new CustomerId(orphan.value2()),
                        "the platform restarted while the call was up", clock.instant()));
            }
        }
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.info("{} not applied: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }
}
