package dev.sockit.addr;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of addresses and address-like text for the property tests. */
final class AddressArbitraries {
    private static final String ALPHABET = "0123456789abcdefABCDEF:.%";

    private AddressArbitraries() {
    }

    /** One 16-bit group, mostly 0 and often {@code ffff}, so that zero runs of every length and mapped forms are common. */
    static Arbitrary<Integer> groups() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(6, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.just(0xffff)),
                Tuple.of(1, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.integers().between(0, 0xff)),
                Tuple.of(3, Arbitraries.integers().between(0, 0xffff))));
    }

    /** 16 bytes of an IPv6 address, biased toward zero groups. */
    static Arbitrary<byte[]> ipv6Bytes() {
        return groups().list().ofSize(8).map(groups -> {
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                Bytes.writeU16BE(bytes, 2 * i, groups.get(i));
            }
            return bytes;
        });
    }

    /** 4 bytes of an IPv4 address, biased toward 0 and 255. */
    static Arbitrary<byte[]> ipv4Bytes() {
        Arbitrary<Integer> octet = Arbitraries.frequencyOf(List.of(
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(1, Arbitraries.just(255)),
                Tuple.of(4, Arbitraries.integers().between(0, 255))));
        return octet.list().ofSize(4).map(octets -> {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) (int) octets.get(i);
            }
            return bytes;
        });
    }

    /** Any IPv4 or IPv6 address; an IPv6 one has a scope id a third of the time. */
    static Arbitrary<IpAddress> addresses() {
        Arbitrary<IpAddress> v4 = ipv4Bytes().map(Ipv4Address::ofBytes);
        Arbitrary<IpAddress> v6 = Combinators.combine(ipv6Bytes(), Arbitraries.frequencyOf(List.of(
                        Tuple.of(4, Arbitraries.just(0)),
                        Tuple.of(1, Arbitraries.integers().between(1, 16)),
                        Tuple.of(1, Arbitraries.integers().between(0, Integer.MAX_VALUE)))))
                .as(Ipv6Address::ofBytes);
        return Arbitraries.oneOf(List.of(v4, v6));
    }

    /**
     * Text close to addresses: strings over the address alphabet, joined address fragments,
     * and written-out addresses with a few characters edited.
     */
    static Arbitrary<String> addressTexts() {
        Arbitrary<String> raw = Arbitraries.strings().withChars(ALPHABET + " xg\0").ofMaxLength(46);
        Arbitrary<String> fragments = Arbitraries.of(
                        "::", ":", "0", "1", "ff", "ffff", "FFFF", "abcd", "12345", "0000", "00000", "1.2.3.4",
                        "255.255.255.255", "256.0.0.1", "01.2.3.4", "1.2.3", ".", "::ffff:", "%1", " ", "g", "0.0.0.0")
                .list().ofMinSize(1).ofMaxSize(10).map(parts -> String.join("", parts));
        Arbitrary<String> quads = Arbitraries.integers().between(0, 300).map(AddressArbitraries::decimal)
                .list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join(".", parts));
        Arbitrary<String> written = Arbitraries.oneOf(List.of(
                ipv6Bytes().map(InetText::format6),
                ipv6Bytes().map(AddressArbitraries::uncompressed),
                ipv6Bytes().map(AddressArbitraries::withDottedQuad),
                ipv4Bytes().map(b -> Ipv4Address.ofBytes(b).toString())));
        Arbitrary<String> edited = Combinators.combine(written, edits()).as(AddressArbitraries::edit);
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(2, raw), Tuple.of(3, fragments), Tuple.of(1, quads), Tuple.of(2, written), Tuple.of(4, edited)));
    }

    /** All eight groups written out, each with its leading zeros. */
    static String uncompressed(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append(i == 0 ? "" : ":").append(String.format("%04x", Bytes.readU16BE(bytes, 2 * i)));
        }
        return out.toString();
    }

    /**
     * The address as {@code inet_ntop} would compress its first six groups, with the last 32
     * bits as a dotted quad: {@code 1::2:1.2.3.4}, {@code ::1.2.3.4}, {@code 1:2:3:4:5:6:1.2.3.4}.
     */
    static String withDottedQuad(byte[] bytes) {
        byte[] marked = bytes.clone();
        Bytes.writeU32BE(marked, 12, 0xffffffffL);
        String text = InetText.format6(marked);
        String head = text.endsWith("ffff:ffff") ? text.substring(0, text.length() - 9) : text.substring(0, text.lastIndexOf(':') + 1);
        return head + (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
    }

    private static String decimal(int value) {
        return value % 17 == 0 ? "0" + value : Integer.toString(value);
    }

    private record Edit(int kind, int position, char character) {
    }

    private static Arbitrary<List<Edit>> edits() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 45),
                        Arbitraries.of((ALPHABET + " x").toCharArray()))
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(3);
    }

    private static String edit(String text, List<Edit> edits) {
        StringBuilder out = new StringBuilder(text);
        for (Edit edit : edits) {
            int at = out.isEmpty() ? 0 : edit.position() % (out.length() + (edit.kind() == 0 ? 1 : 0));
            switch (edit.kind()) {
                case 0 -> out.insert(at, edit.character());
                case 1 -> {
                    if (!out.isEmpty()) {
                        out.deleteCharAt(at);
                    }
                }
                default -> {
                    if (!out.isEmpty()) {
                        out.setCharAt(at, edit.character());
                    }
                }
            }
        }
        return out.toString();
    }
}
