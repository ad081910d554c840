package dev.sockit.cli;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.AddressFormatException;
import dev.sockit.addr.Inet;
import dev.sockit.addr.IpAddress;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/** {@code sockit addr info}: everything a learner wants to see of one address. */
final class AddressReport {
    private static final String LITTLE_OR_BIG = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "little" : "big";

    private AddressReport() {
    }

    /**
     * The report for {@code text}: an IPv6 address as {@code inet_pton} reads it (with an
     * optional zone), or an IPv4 address in any form {@code inet_aton} accepts.
     *
     * @throws InvalidInputException if {@code text} is neither
     */
    static String of(String text) {
        if (text.indexOf(':') >= 0) {
            try {
                return ipv6(text, Ipv6Address.parse(text));
            } catch (AddressFormatException e) {
                throw new InvalidInputException("info " + e.getMessage());
            }
        }
        Ipv4Address address = Inet.inetAton(text).orElseThrow(() ->
                new InvalidInputException("info \"" + text + "\": not an IPv4 address (inet_aton) or IPv6 address (inet_pton)"));
        return ipv4(text, address);
    }

    private static String ipv4(String text, Ipv4Address address) {
        long value = address.hostOrder();
        boolean strict = Inet.inetPton(AddressFamily.AF_INET, text).isPresent();
        List<String> lines = new ArrayList<>();
        lines.add(row("address", address.toString()));
        if (!text.equals(address.toString())) {
            lines.add(row("input", "\"" + text + "\" is an inet_aton form" + (strict ? "" : "; inet_pton(AF_INET) rejects it")));
        }
        lines.add(row("hex", AddrFunction.hex(value, 8)));
        lines.add(row("decimal", Long.toString(value)));
        lines.add(row("binary", binary(address)));
        lines.add(row("network order", spaced(address.bytes()) + "  (on the wire, most significant byte first)"));
        lines.add(row("host order", spaced(hostBytes(value)) + "  (in memory on this " + LITTLE_OR_BIG + "-endian host; s_addr reads "
                + AddrFunction.hex(address.sAddr(), 8) + ")"));
        lines.add(row("class", address.addressClass() + "  (netof " + AddrFunction.hex(Inet.inetNetof(address), 8)
                + ", lnaof " + AddrFunction.hex(Inet.inetLnaof(address), 8) + ")"));
        lines.add(row("flags", flags(address)));
        return String.join(System.lineSeparator(), lines);
    }

    private static String ipv6(String text, Ipv6Address address) {
        List<String> lines = new ArrayList<>();
        lines.add(row("address", address.toString()));
        StringJoiner groups = new StringJoiner(":");
        for (int i = 0; i < 8; i++) {
            groups.add(String.format("%04x", address.group(i)));
        }
        lines.add(row("expanded", groups.toString()));
        lines.add(row("network order", spaced(address.bytes())));
        if (address.scopeId() != 0) {
            lines.add(row("scope id", Integer.toString(address.scopeId())));
        }
        address.toIpv4().ifPresent(v4 -> lines.add(row("ipv4", v4 + "  (IPv4-mapped: how a dual-stack socket shows an IPv4 peer)")));
        lines.add(row("flags", flags(address)));
        return String.join(System.lineSeparator(), lines);
    }

    private static String flags(IpAddress address) {
        StringJoiner flags = new StringJoiner(", ");
        if (address.isUnspecified()) {
            flags.add("unspecified (wildcard)");
        }
        if (address.isLoopback()) {
            flags.add("loopback");
        }
        if (address.isPrivate()) {
            flags.add("private");
        }
        if (address.isLinkLocal()) {
            flags.add("link-local");
        }
        if (address.isMulticast()) {
            flags.add("multicast");
        }
        if (address instanceof Ipv4Address v4 && v4.isBroadcast()) {
            flags.add("broadcast");
        }
        if (address instanceof Ipv6Address v6 && v6.isIpv4Mapped()) {
            flags.add("ipv4-mapped");
        }
        return flags.length() == 0 ? "global" : flags.toString();
    }

    private static String binary(Ipv4Address address) {
        StringJoiner octets = new StringJoiner(".");
        for (int i = 0; i < 4; i++) {
            String bits = Integer.toBinaryString(address.octet(i));
            octets.add("0".repeat(8 - bits.length()) + bits);
        }
        return octets.toString();
    }

    private static byte[] hostBytes(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) value).array();
    }

    private static String spaced(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    private static String row(String label, String value) {
        return String.format("%-14s %s", label, value);
    }
}
