package dev.sockit.addr;

import static dev.sockit.addr.Inet.INADDR_NONE;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * Fuzzes the legacy IPv4 functions of {@link Inet}: for any text and any numbers they return
 * (never throw), and their results agree with each other as C's do.
 */
class LegacyIpv4FuzzTest {
    @FuzzTest(maxDuration = "10s")
    void legacyFunctions_anyInput_returnConsistentResults(FuzzedDataProvider data) {
        long net = data.consumeLong();
        long host = data.consumeLong();
        Ipv4Address address = Ipv4Address.ofHostOrder(Integer.toUnsignedLong(data.consumeInt()));
        String text = data.consumeRemainingAsString();

        Optional<Ipv4Address> aton = Inet.inetAton(text);
        long addr = Inet.inetAddr(text);
        long network = Inet.inetNetwork(text);

        check(addr == aton.map(Ipv4Address::sAddr).orElse(INADDR_NONE), "inetAddr is inetAton's s_addr or INADDR_NONE", text);
        aton.ifPresent(parsed -> check(Inet.inetAton(Inet.inetNtoa(parsed)).equals(aton), "inetNtoa of the address parses back", text));
        check((network >>> 32) == 0, "inetNetwork is a u32", text);
        String c = cString(text);
        int space = firstSpace(c);
        check(Inet.inetAton(c.substring(0, space)).equals(aton), "inetAton stops at NUL and ignores what follows white space", text);
        check(Inet.inetNetwork(c) == network, "inetNetwork stops at NUL", text);
        if (c.chars().skip(space).anyMatch(ch -> !isSpace(ch))) {
            check(network == INADDR_NONE, "inetNetwork allows only white space after the address", text);
        }

        Ipv4Address made = Inet.inetMakeaddr(net, host);
        check(made.equals(Inet.inetMakeaddr(net & 0xffffffffL, host & 0xffffffffL)), "inetMakeaddr uses the low 32 bits", net + ", " + host);
        long netof = Inet.inetNetof(address);
        long lnaof = Inet.inetLnaof(address);
        check(Inet.inetMakeaddr(netof, lnaof).equals(address), "inetMakeaddr(inetNetof(a), inetLnaof(a)) == a", address.toString());
        check((netof >>> 24) == 0 && (lnaof >>> 24) == 0, "inetNetof and inetLnaof fit 24 bits", address.toString());
    }

    /** {@code text} up to its first NUL, where C's string ends. */
    private static String cString(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    /** The index of the first character C's {@code isspace} accepts, or the length. */
    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isSpace(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    private static void check(boolean holds, String property, String input) {
        if (!holds) {
            throw new AssertionError(property + ", for " + Inet4Oracle.quote(input));
        }
    }
}
