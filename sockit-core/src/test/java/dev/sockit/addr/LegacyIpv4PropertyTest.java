package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.addr.Inet4Oracle.Mismatch;
import dev.sockit.addr.Inet4Oracle.Query;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * sockit's legacy IPv4 functions against glibc's on random input. Each try sends its whole
 * list of samples to {@code inet4_oracle} in one run.
 */
class LegacyIpv4PropertyTest {
    private static final String ALPHABET = "0123456789.....xXabcdefABCDEF \t\n\u000b\f\r+-gz/:\u0000\u00e9\u00a0\u0660\u0120";
    private static final String[] RADIX_PREFIXES = {"", "", "", "0", "0x", "0X", "x", "X"};
    private static final int[] RADIXES = {10, 10, 10, 8, 16, 16, 16, 16};

    @Property(tries = 25)
    void parsers_randomText_matchGlibc(@ForAll @Size(min = 200, max = 400) List<@From("legacyText") String> texts) throws Exception {
        List<Query> queries = new ArrayList<>();
        for (String text : texts) {
            queries.addAll(Query.parsers(text));
        }

        List<Mismatch> mismatches = Inet4Oracle.mismatches(queries);

        assertThat(mismatches.size()).as(Inet4Oracle.report(mismatches)).isZero();
    }

    @Property(tries = 10)
    void classfulAndByteOrder_randomValues_matchGlibc(
            @ForAll @Size(min = 100, max = 200) List<@From("u32") Long> addresses,
            @ForAll @Size(min = 100, max = 200) List<@From("networkNumber") Long> nets,
            @ForAll @Size(min = 50, max = 100) List<Long> anyValues) throws Exception {
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            long address = addresses.get(i);
            for (String function : List.of("ntoa", "lnaof", "netof")) {
                queries.add(Query.numeric(function, address));
            }
            queries.add(Query.makeaddr(nets.get(i % nets.size()), address));
        }
        for (long value : anyValues) {
            for (String function : List.of("htons", "ntohs", "htonl", "ntohl")) {
                queries.add(Query.numeric(function, value));
            }
            queries.add(Query.makeaddr(value, ~value));
        }

        List<Mismatch> mismatches = Inet4Oracle.mismatches(queries);

        assertThat(mismatches.size()).as(Inet4Oracle.report(mismatches)).isZero();
    }

    /** Mostly address-like text (parts in every radix, stray prefixes and suffixes), some of it noise. */
    @Provide
    Arbitrary<String> legacyText() {
        Arbitrary<String> number = Combinators.combine(Arbitraries.integers().between(0, RADIX_PREFIXES.length - 1),
                        Arbitraries.longs().between(0, 0x1_0000_01ffL))
                .as((kind, value) -> RADIX_PREFIXES[kind] + Long.toString(value, RADIXES[kind]));
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 300).map(String::valueOf),
                Arbitraries.integers().between(0, 300).map(String::valueOf),
                number,
                Arbitraries.strings().withChars("0123456789abcdefABCDEFxX").ofMaxLength(22));
        Arbitrary<String> address = part.list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join(".", parts));
        Arbitrary<String> before = Arbitraries.of("", "", "", "", "", "", "", " ", "+", "-", "\t", ".", "0", "\u00a0");
        Arbitrary<String> after = Arbitraries.of("", "", "", "", "", "", " ", "\t", "\n", "\u000b", "\f", "\r", " junk", "\t8",
                "x", ".", "..", "\u00e9", "\u00a0", "\u0000", "\u0000 1", "\u0120", "g", "8", "/24");
        Arbitrary<String> structured = Combinators.combine(before, address, after).as((head, body, tail) -> head + body + tail);
        Arbitrary<String> noise = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(24);
        return Arbitraries.oneOf(structured, structured, structured, noise);
    }

    @Provide
    Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xffffffffL);
    }

    /** A network number of each size {@code inet_makeaddr} tells apart, and beyond 32 bits. */
    @Provide
    Arbitrary<Long> networkNumber() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 127),
                Arbitraries.longs().between(128, 0xffff),
                Arbitraries.longs().between(0x10000, 0xffffff),
                Arbitraries.longs().between(0x1000000, 0xffffffffL),
                Arbitraries.longs());
    }
}
