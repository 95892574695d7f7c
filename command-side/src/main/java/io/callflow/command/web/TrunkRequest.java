package io.callflow.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.domain.common.BadRequest;
import io.callflow.domain.trunk.TrunkTransport;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of POST and PUT /v1/trunks, validated whole: every problem in one answer. PUT replaces
 * every field, except that a PUT without {@code password} keeps the current one (clients cannot read
 * it back to send it again); {@code "password": ""} removes it.
 */
record TrunkRequest(String name, String host, int port, TrunkTransport transport, String username,
                    String password) {

    static final int DEFAULT_PORT = 5060;
    private static final Set<String> FIELDS = Set.of("name", "host", "port", "transport", "username", "password");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4_PART = Pattern.compile("25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    static TrunkRequest create(byte[] body) {
        return read(body, "");
    }

    static TrunkRequest update(byte[] body) {
        return read(body, null);
    }

    private static TrunkRequest read(byte[] body, String absentPassword) {
        JsonNode json = RequestJson.object(body);
        Fields fields = new Fields(json, FIELDS);
        String name = fields.text("name", null, 255);
        if (name == null || name.isBlank()) {
            fields.problem("name", "is required");
        }
        String host = fields.text("host", null, 253);
        if (host == null || host.isEmpty()) {
            fields.problem("host", "is required: a host name or an IP address");
        } else if (!isHost(host)) {
            fields.problem("host", "must be a host name (like sip.example.com) or an IPv4 or IPv6 address");
        }
        int port = fields.integer("port").orElse(DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            fields.problem("port", "must be from 1 to 65535");
        }
        TrunkTransport transport = fields.choice("transport", TrunkTransport.class, TrunkTransport.UDP,
                EnumSet.allOf(TrunkTransport.class));
        String username = fields.text("username", "", 255);
        String password = fields.text("password", absentPassword, 255);
        if (!fields.problems().isEmpty()) {
            throw new BadRequest(fields.problems());
        }
        return new TrunkRequest(name, host, port, transport, username, password);
    }

    /** A DNS name of letters, digits and hyphens, an IPv4 address, or an IPv6 address; nothing is resolved. */
    static boolean isHost(String host) {
        if (host.indexOf(':') >= 0) {
            return IPV6.matcher(host).matches() && ipv6(host);
        }
        String[] labels = host.split("\\.", -1);
        boolean numeric = true;
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
            numeric &= label.chars().allMatch(Character::isDigit);
        }
        if (numeric) {
            // digits and dots only: an IPv4 address or nothing (999.1.1.1 is no host name)
            return labels.length == 4 && Arrays.stream(labels).allMatch(l -> IPV4_PART.matcher(l).matches());
        }
        return true;
    }

    /** RFC 4291 text form: eight groups of 1 to 4 hex digits, one "::" for a run of zeros, an IPv4 tail. */
    private static boolean ipv6(String host) {
        int gap = host.indexOf("::");
        if (gap >= 0 && host.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] sides = gap >= 0 ? new String[] {host.substring(0, gap), host.substring(gap + 2)}
                : new String[] {host};
        int groups = 0;
        for (int side = 0; side < sides.length; side++) {
            if (sides[side].isEmpty()) {
                continue;
            }
            String[] parts = sides[side].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = side == sides.length - 1 && i == parts.length - 1;
                if (last && parts[i].indexOf('.') >= 0) {
                    if (!isHost(parts[i]) || !parts[i].chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
                        return false;
                    }
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return gap >= 0 ? groups < 8 : groups == 8;
    }
}
