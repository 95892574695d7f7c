package io.callflow.app.media;

import io.callflow.app.axon.BoundedCache;
import io.callflow.command.activeflow.ActiveflowStarter;
import io.callflow.command.call.Call;
import io.callflow.command.call.CallAdmitter;
import io.callflow.domain.number.NumberDirectory;
import io.callflow.domain.trunk.TrunkDirectory;
import io.callflow.media.calls.CallMedia;
import io.callflow.media.calls.Connects;
import io.callflow.media.calls.Dialer;
import io.callflow.media.calls.InboundCallAdmission;
import io.callflow.media.calls.LiveCalls;
import io.callflow.media.mixer.LocalMixingCore;
import io.callflow.media.mixer.MixingCore;
import io.callflow.media.scheduling.RealtimeThreads;
import io.callflow.media.scheduling.ThreadScheduling;
import io.callflow.media.sip.JainSipEdge;
import io.callflow.media.sip.SipEdge;
import io.callflow.media.sip.SipSettings;
import io.callflow.media.tts.CachingSpeechEngine;
import io.callflow.media.tts.FreeTtsSpeechEngine;
import io.callflow.media.tts.SpeechEngine;
import io.callflow.projection.CallProjection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.Repository;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The media side: offline speech, the mixing core, the SIP user agent and the handlers that
 * join them to calls and flows. Settings: {@code callflow.sip.*}, {@code callflow.rtp.*},
 * {@code callflow.calls.ring-timeout} (60 s; running out is {@code dialout}), {@code callflow.calls.max-duration}
 * (1 h, VoIPbin's call-duration timeout; running out is {@code timeout}),
 * {@code callflow.media.realtime-priority}.
 */
@Configuration(proxyBeanMethods = false)
public class MediaConfiguration {

    @Bean(destroyMethod = "close")
    FreeTtsSpeechEngine freeTts(@Value("${callflow.tts.voices:2}") int voices) {
        return new FreeTtsSpeechEngine(voices);
    }

    /** What playback uses: the engine behind a cache, since prompts repeat. */
    @Bean
    @Primary
    SpeechEngine speechEngine(FreeTtsSpeechEngine engine) {
        return new CachingSpeechEngine(engine, 256);
    }

    /**
     * How the threads audio keeps time on are scheduled: the mixer clock and the RTP reader and
     * sender, real-time at this priority where the machine permits it (0: ordinary; decision 0010).
     */
    @Bean
    ThreadScheduling mediaThreadScheduling(@Value("${callflow.media.realtime-priority:10}") int priority) {
        return RealtimeThreads.atPriority(priority);
    }

    @Bean(destroyMethod = "close")
    MixingCore mixingCore(SpeechEngine speech, ThreadScheduling scheduling) {
        return new LocalMixingCore(speech, scheduling);
    }

    @Bean
    LiveCalls liveCalls() {
        return new LiveCalls();
    }

    @Bean
    SipSettings sipSettings(@Value("${callflow.sip.bind-address:127.0.0.1}") String bindAddress,
                            @Value("${callflow.sip.port:5060}") int port,
                            @Value("${callflow.sip.advertised-host:}") String advertisedHost,
                            @Value("${callflow.rtp.port-min:20000}") int rtpMin,
                            @Value("${callflow.rtp.port-max:29999}") int rtpMax,
                            @Value("${callflow.calls.max-duration:1h}") Duration maxDuration) {
        return new SipSettings(bindAddress, port, advertisedHost.isBlank() ? bindAddress : advertisedHost,
                rtpMin, rtpMax, maxDuration);
    }

    @Bean
    Connects connects(MixingCore mixer, CommandGateway gateway, Clock clock) {
        return new Connects(mixer, gateway, clock);
    }

    /** Handles {@code AdmitIncomingCall}: the call and its flow's start in one unit of work. */
    @Bean
    CallAdmitter callAdmitter(@Qualifier("callRepository") Repository<Call> calls, ActiveflowStarter activeflows) {
        return new CallAdmitter(calls, activeflows);
    }

    @Bean
    InboundCallAdmission inboundCallAdmission(NumberDirectory numbers, LiveCalls calls, MixingCore mixer,
                                              CommandGateway gateway, Connects connects, Clock clock) {
        return new InboundCallAdmission(numbers, calls, mixer, gateway, connects, clock);
    }

    @Bean(destroyMethod = "close")
    SipEdge sipEdge(SipSettings settings, InboundCallAdmission admission, ThreadScheduling scheduling) {
        return new JainSipEdge(settings, admission, scheduling);
    }

    @Bean
    Dialer dialer(SipEdge edge, TrunkDirectory trunks, LiveCalls calls, MixingCore mixer, Connects connects,
                  CommandGateway gateway, Clock clock,
                  @Value("${callflow.calls.ring-timeout:60s}") Duration ringTimeout) {
        return new Dialer(edge, trunks, calls, mixer, connects, gateway, clock, ringTimeout);
    }

    @Bean(destroyMethod = "close")
    CallMedia callMedia(LiveCalls calls, MixingCore mixer, CommandGateway gateway, Dialer dialer, Connects connects,
                        Clock clock, @Value("${callflow.data-dir}") Path dataDir) throws IOException {
        Path recordings = Files.createDirectories(dataDir.resolve("recordings"));
        return new CallMedia(calls, mixer, gateway, dialer, connects, recordings, clock);
    }

    @Bean
    OrphanedCalls orphanedCalls(DSLContext sql, LiveCalls calls, CommandGateway gateway, Clock clock) {
        return new OrphanedCalls(sql, calls, gateway, clock);
    }

    @Bean
    CallProjection callProjection(DSLContext sql) {
        return new CallProjection(sql);
    }

    @Bean
    Cache callCache() {
        return new BoundedCache(10_000);
    }
}
