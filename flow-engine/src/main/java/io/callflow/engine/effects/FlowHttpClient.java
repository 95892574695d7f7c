package io.callflow.engine.effects;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.Json;
import io.callflow.domain.common.StorableText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one way flows reach HTTP: bounded in time and size, refused for denied
 * addresses, and always signed with {@code X-Callflow-Signature: t=<unix>,v1=<hex hmac(t + "." + body)>}
 * plus an {@code X-Callflow-Delivery} id for de-duplication (D15).
 */
public final class FlowHttpClient {
    /** What came back: a status and body, or an error saying why there is none. */
    public record Reply(int status, JsonNode body, String error) {
    }

    private final HttpLimits limits;
    private final AddressRanges denied;
    private final Clock clock;
    private final HttpClient client;

    public FlowHttpClient(HttpLimits limits, Clock clock) {
        this.limits = limits;
        this.denied = new AddressRanges(limits.denied());
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(limits.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Reply send(String url, String method, String contentType, byte[] body, String deliveryId) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Reply(0, null, "not a URL: " + url);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            return new Reply(0, null, "only http and https URLs are allowed: " + url);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (denied.denies(address)) {
                    return new Reply(0, null, "the address " + address.getHostAddress() + " is denied");
                }
            }
            long unix = clock.instant().getEpochSecond();
            HttpRequest.BodyPublisher publisher = body.length == 0 || "GET".equals(method)
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(limits.timeout())
                    .method(method, publisher)
                    .header("Content-Type", contentType)
                    .header("X-Callflow-Delivery", deliveryId)
                    .header("X-Callflow-Signature", "t=" + unix + ",v1=" + sign(unix, body))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes = readBounded(response.body());
            if (bytes == null) {
                return new Reply(response.statusCode(), null, "the response is larger than "
                        + limits.maxBodyBytes() + " bytes");
            }
            JsonNode parsed = parse(bytes);
            StorableText.Problem unstorable = StorableText.check(parsed);
            if (unstorable != null) {
                // it could not be recorded, and an effect whose response cannot be recorded would be retried for ever
                return new Reply(response.statusCode(), null, "the response cannot be recorded: at '"
                        + unstorable.pointer() + "' it " + unstorable.message().replaceFirst("^must not contain", "contains"));
            }
            return new Reply(response.statusCode(), parsed, null);
        } catch (IOException e) {
            return new Reply(0, null, "request failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, null, "interrupted");
        }
    }

    String sign(long unix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(limits.signingSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unix + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] readBounded(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (out.size() > limits.maxBodyBytes()) {
                    return null;
                }
            }
            return out.toByteArray();
        }
    }

    /** JSON when the body is JSON, else the text as a JSON string. */
    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return Json.mapper().getNodeFactory().nullNode();
        }
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
