package io.callflow.media.sip;

import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HexFormat;

/** Answers a 401/407 digest challenge (RFC 2617, MD5, qop=auth when offered). */
final class Digest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Digest() {
    }

    /** The Authorization (401) or Proxy-Authorization (407) header for a request to {@code uri}. */
    static Header authorization(HeaderFactory headers, Response challenge, String method, String uri,
                                String username, String password) throws ParseException {
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        WWWAuthenticateHeader header = (WWWAuthenticateHeader) challenge.getHeader(
                proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        if (header == null) {
            throw new ParseException("challenge without " + (proxy ? "Proxy-Authenticate" : "WWW-Authenticate"), 0);
        }
        String realm = header.getRealm();
        String nonce = header.getNonce();
        boolean qopAuth = header.getQop() != null
                && Arrays.stream(header.getQop().split(",")).map(String::trim).anyMatch("auth"::equalsIgnoreCase);
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        StringBuilder value = new StringBuilder("Digest username=\"").append(username)
                .append("\",realm=\"").append(realm)
                .append("\",nonce=\"").append(nonce)
                .append("\",uri=\"").append(uri).append('"');
        if (qopAuth) {
            String cnonce = Long.toHexString(RANDOM.nextLong());
            String nc = "00000001";
            value.append(",response=\"").append(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2))
                    .append("\",cnonce=\"").append(cnonce).append("\",nc=").append(nc).append(",qop=auth");
        } else {
            value.append(",response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        value.append(",algorithm=MD5");
        if (header.getOpaque() != null) {
            value.append(",opaque=\"").append(header.getOpaque()).append('"');
        }
        return headers.createHeader(proxy ? "Proxy-Authorization" : "Authorization", value.toString());
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no MD5", e);
        }
    }
}
