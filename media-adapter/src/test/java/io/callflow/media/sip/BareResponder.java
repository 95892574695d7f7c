package io.callflow.media.sip;

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
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark baseline: JAIN-SIP RI alone, with the same stack settings as {@link JainSipEdge},
 * answering every INVITE at once with 180 and 200 plus a fixed PCMU SDP (no RTP, no
 * platform), absorbing the ACK and answering BYE, OPTIONS and CANCEL with 200.
 * Run: {@code java -cp <test classpath> io.callflow.media.sip.BareResponder 127.0.0.1 5070};
 * stop it with Ctrl-C. Drive it with {@code sipp -sf sipp/uac_call.xml -s 1000 -d 1000 -r 50 -m 5000 127.0.0.1:5070}.
 */
public final class BareResponder implements SipListener, AutoCloseable {
    private final SipStack stack;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final String host;
    private final int port;
    private final AtomicLong tags = new AtomicLong();

    public BareResponder(String host, int port) throws Exception {
        this.host = host;
        this.port = port;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "bare-responder-" + port);
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        stack = factory.createSipStack(properties);
        ListeningPoint udp = stack.createListeningPoint(host, port, ListeningPoint.UDP);
        provider = stack.createSipProvider(udp);
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        provider.addSipListener(this);
        stack.start();
    }

    public static void main(String[] args) throws Exception {
        BareResponder responder = new BareResponder(args.length > 0 ? args[0] : "127.0.0.1",
                args.length > 1 ? Integer.parseInt(args[1]) : 5070);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            responder.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            return;
        }
        try {
            ServerTransaction transaction = event.getServerTransaction() != null
                    ? event.getServerTransaction() : provider.getNewServerTransaction(request);
            String tag = "bare" + tags.incrementAndGet();
            switch (request.getMethod()) {
                case Request.INVITE -> {
                    transaction.sendResponse(response(Response.RINGING, request, tag));
                    Response ok = response(Response.OK, request, tag);
                    ok.addHeader(headers.createContactHeader(addresses.createAddress("sip:bare@" + host + ":" + port)));
                    ok.setContent("v=0\r\no=bare 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host
                                    + "\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n",
                            headers.createContentTypeHeader("application", "sdp"));
                    transaction.sendResponse(ok);
                }
                case Request.BYE, Request.OPTIONS, Request.CANCEL -> transaction.sendResponse(response(Response.OK, request, tag));
                default -> transaction.sendResponse(response(Response.NOT_IMPLEMENTED, request, tag));
            }
        } catch (TransactionAlreadyExistsException retransmission) {
            // the transaction answers it
        } catch (Exception e) {
            System.err.println("bare responder: " + request.getMethod() + ": " + e);
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

    @Override
    public void close() {
        stack.stop();
    }
}
