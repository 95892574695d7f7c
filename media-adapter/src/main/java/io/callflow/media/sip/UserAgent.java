package io.callflow.media.sip;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.List;

/** Our side of SIP: the provider, the factories and the few ways we build and send messages. */
final class UserAgent {
    private static final Logger log = LoggerFactory.getLogger(UserAgent.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO";

    final SipProvider provider;
    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final SipSettings settings;

    UserAgent(SipProvider provider, MessageFactory messages, HeaderFactory headers, AddressFactory addresses,
              SipSettings settings) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.settings = settings;
    }

    String host() {
        return settings.advertisedHost() != null ? settings.advertisedHost() : settings.bindAddress();
    }

    static String newTag() {
        return Long.toHexString(RANDOM.nextLong());
    }

    static String newBranch() {
        return "z9hG4bK" + Long.toHexString(RANDOM.nextLong());
    }

    ContactHeader contact(String transport) throws ParseException {
        SipURI uri = addresses.createSipURI("callflow", host());
        uri.setPort(settings.port());
        if (!"udp".equalsIgnoreCase(transport)) {
            uri.setTransportParam(transport.toLowerCase());
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    ViaHeader via(String transport) throws ParseException, InvalidArgumentException {
        return headers.createViaHeader(host(), settings.port(), transport, newBranch());
    }

    ContentTypeHeader contentType(String type, String subtype) throws ParseException {
        return headers.createContentTypeHeader(type, subtype);
    }

    /** A response to {@code request}; {@code toTag} is set when the request had none (null: leave it). */
    Response response(int status, Request request, String toTag) throws ParseException {
        Response response = messages.createResponse(status, request);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (toTag != null && to.getTag() == null && status > 100) {
            to.setTag(toTag);
        }
        return response;
    }

    /** Sends a body-less response, logging rather than throwing when that fails (the peer may be gone). */
    boolean respond(ServerTransaction transaction, Request request, int status, String toTag) {
        return respond(transaction, request, status, null, toTag);
    }

    /** As {@link #respond(ServerTransaction, Request, int, String)}, with our own reason phrase when not null. */
    boolean respond(ServerTransaction transaction, Request request, int status, String reason, String toTag) {
        try {
            Response response = response(status, request, toTag);
            if (reason != null && !reason.isBlank()) {
                response.setReasonPhrase(reason);
            }
            return send(transaction, request, response);
        } catch (ParseException | RuntimeException e) {
            log.debug("could not answer {} with {}: {}", request.getMethod(), status, e.toString());
            return false;
        }
    }

    /** 420 Bad Extension, with an {@code Unsupported} header naming each option tag we do not support. */
    boolean respondUnsupported(ServerTransaction transaction, Request request, List<String> optionTags) {
        try {
            Response response = response(Response.BAD_EXTENSION, request, newTag());
            for (String tag : optionTags) {
                response.addHeader(headers.createUnsupportedHeader(tag));
            }
            return send(transaction, request, response);
        } catch (ParseException | RuntimeException e) {
            log.debug("could not answer {} with 420: {}", request.getMethod(), e.toString());
            return false;
        }
    }

    /** Sends {@code response} in its transaction, or statelessly without one; false (logged) when that fails. */
    private boolean send(ServerTransaction transaction, Request request, Response response) {
        try {
            if (transaction != null) {
                transaction.sendResponse(response);
            } else {
                provider.sendResponse(response);
            }
            return true;
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            log.debug("could not answer {} with {}: {}", request.getMethod(), response.getStatusCode(), e.toString());
            return false;
        }
    }

    static String body(Message message) {
        byte[] raw = message.getRawContent();
        return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
    }

    static String callIdOf(Message message) {
        CallIdHeader header = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return header == null ? null : header.getCallId();
    }

    static String fromUri(Message message) {
        return ((FromHeader) message.getHeader(FromHeader.NAME)).getAddress().getURI().toString();
    }

    static String toUri(Message message) {
        return ((ToHeader) message.getHeader(ToHeader.NAME)).getAddress().getURI().toString();
    }
}
