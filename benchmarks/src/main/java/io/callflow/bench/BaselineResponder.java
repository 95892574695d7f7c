package io.callflow.bench;

import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The calls-per-second baseline: JAIN-SIP RI alone, with the SIP edge's stack settings
 * (automatic dialogs, 8 threads, re-entrant listener), answering every INVITE at once with
 * 180 and 200 plus a fixed PCMU SDP, and hanging up with BYE {@code holdMillis} after the ACK,
 * as the benchmark's flow does after playing 1 s. No RTP, no platform, nothing persisted.
 * Given a media port (the DTMF baseline's {@link KeyCounter}), it answers PCMA with
 * telephone-event there instead.
 */
final class BaselineResponder implements SipListener, AutoCloseable {
    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final String host;
    private final int port;
    private final long holdMillis;
    private final String sdp;
    private final AtomicLong tags = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong hungUp = new AtomicLong();
    /** Dialogs whose BYE is scheduled: a retransmitted ACK (after a retransmitted 200) must not schedule another. */
    private final java.util.Set<String> ending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "baseline-bye");
        thread.setDaemon(true);
        return thread;
    });

    BaselineResponder(String host, int port, long holdMillis) throws Exception {
        this(host, port, holdMillis, 0);
    }

    /** @param mediaPort where the answer's audio and telephone events go; 0: nowhere (port 9, PCMU only) */
    BaselineResponder(String host, int port, long holdMillis, int mediaPort) throws Exception {
        this.host = host;
        this.port = port;
        this.holdMillis = holdMillis;
        String media = mediaPort == 0 ? "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
                : "m=audio " + mediaPort + " RTP/AVP 8 " + KeyPressCapture.EVENT_PAYLOAD_TYPE + "\r\na=rtpmap:8 PCMA/8000\r\n"
                        + "a=rtpmap:" + KeyPressCapture.EVENT_PAYLOAD_TYPE + " telephone-event/8000\r\n"
                        + "a=fmtp:" + KeyPressCapture.EVENT_PAYLOAD_TYPE + " 0-15\r\n";
        this.sdp = "v=0\r\no=base 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n" + media;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "bench-baseline-" + port);
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "ERROR");
        stack = factory.createSipStack(properties);
        ListeningPoint udp = stack.createListeningPoint(host, port, ListeningPoint.UDP);
        provider = stack.createSipProvider(udp);
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        provider.addSipListener(this);
        stack.start();
    }

    long answered() {
        return answered.get();
    }

    long hungUp() {
        return hungUp.get();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            if (Request.ACK.equals(request.getMethod())) {
                Dialog dialog = event.getDialog();
                if (dialog != null && ending.add(dialog.getDialogId())) {
                    timers.schedule(() -> hangUp(dialog), holdMillis, TimeUnit.MILLISECONDS);
                }
                return;
            }
            ServerTransaction transaction = event.getServerTransaction() != null
                    ? event.getServerTransaction() : provider.getNewServerTransaction(request);
            String tag = "base" + tags.incrementAndGet();
            if (Request.INVITE.equals(request.getMethod())) {
                transaction.sendResponse(response(Response.RINGING, request, tag));
                Response ok = response(Response.OK, request, tag);
                ok.addHeader(headers.createContactHeader(addresses.createAddress("sip:base@" + host + ":" + port)));
                ok.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
                transaction.sendResponse(ok);
                answered.incrementAndGet();
            } else {
                transaction.sendResponse(response(Response.OK, request, tag));
            }
        } catch (TransactionAlreadyExistsException retransmission) {
            // the transaction answers it
        } catch (Exception e) {
            System.err.println("baseline responder: " + request.getMethod() + ": " + e);
        }
    }

    private void hangUp(Dialog dialog) {
        try {
            Request bye = dialog.createRequest(Request.BYE);
            ClientTransaction transaction = provider.getNewClientTransaction(bye);
            dialog.sendRequest(transaction);
            hungUp.incrementAndGet();
            ending.remove(dialog.getDialogId());
        } catch (Exception e) {
            System.err.println("baseline responder: BYE: " + e);
        }
    }

    private Response response(int status, Request request, String tag) throws Exception {
        Response response = messages.createResponse(status, request);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(tag);
        }
        return response;
    }

    @Override
    public void processResponse(ResponseEvent event) {
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    /** Stops the stack; the program ends the JVM (Program), so JAIN-SIP's leftover scanner thread does not matter. */
    @Override
    public void close() {
        timers.shutdownNow();
        provider.removeSipListener(this);
        stack.stop();
    }
}
