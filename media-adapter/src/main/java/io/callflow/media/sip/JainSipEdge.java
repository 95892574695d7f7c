package io.callflow.media.sip;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import io.callflow.domain.call.HangupCause;
import io.callflow.media.rtp.PortRange;
import io.callflow.media.rtp.RtpReactor;
import io.callflow.media.rtp.RtpSession;
import io.callflow.media.scheduling.ThreadScheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.DialogTerminatedEvent;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.message.Request;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SIP user agent on JAIN-SIP RI: UDP and TCP on {@code settings.bindAddress():port()},
 * RTP on even ports of {@code rtpPortMin..rtpPortMax}. The constructor starts everything;
 * {@link #close()} ends live calls (BYE/CANCEL/final answer, up to 2 s) and stops the stack.
 * Port 0 is not supported: pick a free port. The stack's threads only parse and answer;
 * admission, listener callbacks and outbound INVITEs run on a pool of {@value #WORKERS}
 * workers, each call's events in order. One selector thread reads all RTP.
 */
public final class JainSipEdge implements SipEdge {
    private static final Logger log = LoggerFactory.getLogger(JainSipEdge.class);
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final int WORKERS = 16;
    /** jain-sip-ri 1.3.0-91 can NPE when a UDP listening point is deleted right after the stack started. */
    private static final long MIN_UPTIME_MILLIS = 250;

    private final SipSettings settings;
    private final SipStack stack;
    private final SipProvider provider;
    private final List<ListeningPoint> listeningPoints;
    private final UserAgent agent;
    private final SipDispatcher dispatcher;
    private final CallRegistry calls = new CallRegistry();
    private final PortRange ports;
    private final RtpReactor reactor;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, threads("sip-worker"));
    private final ScheduledExecutorService timers = timerThread();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long startedAt;

    public JainSipEdge(SipSettings settings, InboundCalls inboundCalls) {
        this(settings, inboundCalls, ThreadScheduling.ORDINARY);
    }

    /** As above, the RTP threads scheduled by {@code rtpScheduling} (e.g. real-time). */
    public JainSipEdge(SipSettings settings, InboundCalls inboundCalls, ThreadScheduling rtpScheduling) {
        this.settings = settings;
        this.reactor = new RtpReactor(rtpScheduling);
        this.ports = new PortRange(settings.rtpPortMin(), settings.rtpPortMax());
        SipStack created = null;
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            created = factory.createSipStack(stackProperties());
            ListeningPoint udp = created.createListeningPoint(settings.bindAddress(), settings.port(), ListeningPoint.UDP);
            ListeningPoint tcp = created.createListeningPoint(settings.bindAddress(), settings.port(), ListeningPoint.TCP);
            SipProvider sipProvider = created.createSipProvider(udp);
            sipProvider.addListeningPoint(tcp);
            this.stack = created;
            this.provider = sipProvider;
            this.listeningPoints = List.of(udp, tcp);
            this.agent = new UserAgent(sipProvider, factory.createMessageFactory(), factory.createHeaderFactory(),
                    factory.createAddressFactory(), settings);
            this.dispatcher = new SipDispatcher(agent, calls, Map.of(
                    Request.INVITE, new InviteProcessor(agent, calls, reactor, ports, inboundCalls, workers, timers),
                    Request.ACK, new AckProcessor(calls),
                    Request.BYE, new ByeProcessor(agent, calls),
                    Request.CANCEL, new CancelProcessor(agent, calls),
                    Request.OPTIONS, new OptionsProcessor(agent),
                    Request.INFO, new InfoProcessor(agent, calls)), new ResponseProcessor(calls));
            sipProvider.addSipListener(dispatcher);
            created.start();
            startedAt = System.nanoTime();
        } catch (Exception e) {
            if (created != null) {
                created.stop();
            }
            shutdownThreads();
            throw new IllegalStateException("SIP edge cannot listen on " + settings.bindAddress() + ":" + settings.port(), e);
        }
        log.info("SIP edge listening on {}:{} (UDP, TCP), RTP ports {}..{}", settings.bindAddress(), settings.port(),
                settings.rtpPortMin(), settings.rtpPortMax());
    }

    /** One timer thread; a cancelled timer (a call's duration limit when it ends) is dropped at once, not kept till due. */
    private static ScheduledExecutorService timerThread() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads("sip-timer"));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private static Properties stackProperties() {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "callflow-edge-" + STACKS.incrementAndGet());
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "ERROR");
        return properties;
    }

    /** The RTP port pool (tests check that ended calls gave their ports back). */
    public PortRange rtpPorts() {
        return ports;
    }

    @Override
    public SipCall dial(Dial dial, CallListener listener) {
        if (closed.get()) {
            throw new IllegalStateException("SIP edge closed");
        }
        RtpSession rtp;
        try {
            rtp = RtpSession.open(reactor, ports, settings.bindAddress());
        } catch (IOException e) {
            throw new IllegalStateException("no RTP port for a call to " + dial.requestUri(), e);
        }
        OutboundCall call = new OutboundCall(agent, provider.getNewCallId().getCallId(), rtp, calls, workers, timers,
                dial, listener);
        calls.add(call);
        call.limitDuration();
        workers.execute(call::start);
        return call;
    }

    @Override
    public int liveCalls() {
        return calls.size();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (EdgeCall call : calls.all()) {
            call.hangup(HangupCause.NORMAL_CLEARING);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (calls.size() > 0 && System.nanoTime() < deadline) {
            pause(20);
        }
        calls.all().forEach(EdgeCall::abandon);
        pause(MIN_UPTIME_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        try {
            provider.removeSipListener(dispatcher);
            for (ListeningPoint point : listeningPoints) {
                provider.removeListeningPoint(point);
                stack.deleteListeningPoint(point);
            }
            stack.deleteSipProvider(provider);
        } catch (Exception e) {
            log.debug("SIP edge teardown: {}", e.toString());
        }
        // stop() marks the stack's non-daemon event scanner thread stopped but leaves it waiting for an
        // event, which keeps the JVM alive; one harmless event wakes it up to see that it is stopped.
        EventScanner scanner = stack instanceof SipStackImpl nist ? nist.getEventScanner() : null;
        stack.stop();
        if (scanner != null) {
            scanner.forceStop();
            scanner.addEvent(new EventWrapper(new DialogTerminatedEvent(provider, null), null));
        }
        shutdownThreads();
        log.info("SIP edge on {}:{} stopped", settings.bindAddress(), settings.port());
    }

    private void shutdownThreads() {
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        reactor.close();
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
