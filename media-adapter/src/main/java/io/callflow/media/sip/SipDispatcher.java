package io.callflow.media.sip;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import io.callflow.domain.call.HangupCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.Map;

/**
 * The one listener on the SIP stack. It runs on the stack's threads, so it only answers
 * and hands over: each method has its processor, unknown methods get 501, and a failing
 * processor is logged without harming the stack. Retransmitted requests are absorbed by
 * their server transaction and never reach a processor twice.
 */
final class SipDispatcher implements SipListenerExt {
    private static final Logger log = LoggerFactory.getLogger(SipDispatcher.class);

    private final UserAgent agent;
    private final CallRegistry calls;
    private final Map<String, RequestProcessor> processors;
    private final ResponseProcessor responses;

    SipDispatcher(UserAgent agent, CallRegistry calls, Map<String, RequestProcessor> processors,
                  ResponseProcessor responses) {
        this.agent = agent;
        this.calls = calls;
        this.processors = processors;
        this.responses = responses;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        MDC.put("sipCallId", UserAgent.callIdOf(request));
        try {
            RequestProcessor processor = processors.get(method);
            if (Request.ACK.equals(method)) {
                if (processor != null) {
                    processor.process(request, null);
                }
                return;
            }
            ServerTransaction transaction = event.getServerTransaction();
            if (transaction == null) {
                transaction = agent.provider.getNewServerTransaction(request);
            }
            if (processor == null) {
                agent.respond(transaction, request, Response.NOT_IMPLEMENTED, UserAgent.newTag());
            } else {
                processor.process(request, transaction);
            }
        } catch (TransactionAlreadyExistsException e) {
            log.debug("{} retransmitted", method);
        } catch (TransactionUnavailableException e) {
            log.debug("{} without a transaction: {}", method, e.getMessage());
            agent.respond(null, request, Request.BYE.equals(method) || Request.CANCEL.equals(method)
                    ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.SERVER_INTERNAL_ERROR, null);
        } catch (RuntimeException e) {
            log.warn("{} failed", method, e);
        } finally {
            MDC.remove("sipCallId");
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            responses.process(event);
        } catch (RuntimeException e) {
            log.warn("response {} failed", event.getResponse().getStatusCode(), e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction transaction = event.getClientTransaction();
        EdgeCall call = calls.get(UserAgent.callIdOf(transaction.getRequest()));
        if (call != null) {
            call.timedOut(transaction.getRequest().getMethod());
        }
    }

    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        EdgeCall call = calls.get(event.getDialog().getCallId().getCallId());
        if (call != null) {
            log.info("call {}: dialog timed out ({})", call.sipCallId(), event.getReason());
            call.hangup(HangupCause.FAILED);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("SIP I/O error towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }
}
