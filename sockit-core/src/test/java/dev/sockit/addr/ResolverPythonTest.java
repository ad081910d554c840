package dev.sockit.addr;

import static dev.sockit.addr.AiFlag.AI_ADDRCONFIG;
import static dev.sockit.addr.AiFlag.AI_ALL;
import static dev.sockit.addr.AiFlag.AI_CANONNAME;
import static dev.sockit.addr.AiFlag.AI_NUMERICHOST;
import static dev.sockit.addr.AiFlag.AI_NUMERICSERV;
import static dev.sockit.addr.AiFlag.AI_PASSIVE;
import static dev.sockit.addr.AiFlag.AI_V4MAPPED;
import static dev.sockit.addr.NiFlag.NI_DGRAM;
import static dev.sockit.addr.NiFlag.NI_NAMEREQD;
import static dev.sockit.addr.NiFlag.NI_NOFQDN;
import static dev.sockit.addr.NiFlag.NI_NUMERICHOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Resolver} against glibc, case by case: one Python process answers a whole matrix of
 * {@code getaddrinfo} (or {@code getnameinfo}) calls, and sockit must give the same entries in the
 * same order, the same canonical name, or the same {@code EAI_*} number.
 *
 * <p>No case needs the internet: hosts are literals, the names {@code /etc/hosts} lists, and
 * names that fail ({@code .invalid}, names with a trailing dot). Few cases reach DNS, because each
 * one that does may meet a lost packet, which glibc retries after 5 s: names not in
 * {@code /etc/hosts}, {@code AF_INET6} queries for names listed only with IPv4, reverse lookups of
 * addresses {@code /etc/hosts} does not name. The rest are answered without DNS.
 */
final class ResolverPythonTest {
    private static final String GETADDRINFO_SCRIPT = """
            import json, socket, sys
            for line in sys.stdin:
                host, service, family, socktype, proto, flags = json.loads(line)
                try:
                    results = socket.getaddrinfo(None if host is None else host.encode(), service, family, socktype, proto, flags)
                except socket.gaierror as e:
                    print("ERR %d" % e.errno)
                    continue
                entries = []
                for f, t, p, canon, sa in results:
                    scope = sa[3] if len(sa) == 4 else 0
                    entries.append("%d %d %d %s %s %d %d" % (f, t, p, json.dumps(canon), sa[0], sa[1], scope))
                print(" | ".join(entries))
            """;

    private static final String GETNAMEINFO_SCRIPT = """
            import json, socket, sys
            for line in sys.stdin:
                address, port, scope, flags = json.loads(line)
                sa = (address, port, 0, scope) if ":" in address else (address, port)
                try:
                    host, service = socket.getnameinfo(sa, flags)
                except socket.gaierror as e:
                    print("ERR %d" % e.errno)
                    continue
                print("%s %s" % (json.dumps(host), json.dumps(service)))
            """;

    private static final List<Hints> HOST_HINTS = List.of(
            Hints.of(AddressFamily.AF_UNSPEC),
            Hints.of(AddressFamily.AF_INET),
            Hints.of(AddressFamily.AF_INET6),
            Hints.of(AddressFamily.AF_INET6, AI_V4MAPPED),
            Hints.of(AddressFamily.AF_INET6, AI_V4MAPPED, AI_ALL),
            Hints.of(AddressFamily.AF_INET6, AI_ALL),
            Hints.of(AddressFamily.AF_INET, AI_V4MAPPED),
            Hints.of(AddressFamily.AF_UNSPEC, AI_CANONNAME).type(SocketType.SOCK_STREAM),
            Hints.of(AddressFamily.AF_UNSPEC, AI_PASSIVE),
            Hints.of(AddressFamily.AF_UNSPEC, AI_NUMERICHOST),
            Hints.of(AddressFamily.AF_UNSPEC, AI_ADDRCONFIG),
            Hints.of(AddressFamily.AF_INET, AI_ADDRCONFIG).type(SocketType.SOCK_DGRAM),
            Hints.of(AddressFamily.AF_INET6, AI_ADDRCONFIG, AI_NUMERICHOST),
            Hints.of(AddressFamily.AF_INET, AI_PASSIVE, AI_CANONNAME),
            Hints.of(AddressFamily.AF_INET6, AI_CANONNAME, AI_V4MAPPED).protocol(IpProtocol.IPPROTO_UDP),
            Hints.of(AddressFamily.AF_UNIX));

    /** Hosts that are numeric addresses, or that fail as such before any name lookup (a bad zone). */
    private static final List<String> NUMERIC_HOSTS = Arrays.asList(
            null, "*",
            "127.0.0.1", "127.1", "0x7f.1", "0177.0.0.1", "4294967295", "4294967296", "1.2.3", "0", "00",
            "::1", "::", "::ffff:1.2.3.4", "::1.2.3.4", "2001:db8::1", "::ffff:1.2.3.4%1", "::ffff:1.2.3.4%lo",
            "fe80::1%1", "fe80::1%lo", "fe80::1%99", "fe80::1%nosuch", "fe80::1%", "fe80::1%1x", "fe80::1% 1",
            "fe80::1%2147483647", "fe80::1%eth0%1", "::1%1", "::1%lo", "ff02::1%lo", "ff01::1%lo", "ff05::1%lo");

    /** Hosts that are not numeric; asked only with hints that stop glibc before a name lookup. */
    private static final List<String> NOT_NUMERIC_HOSTS = Arrays.asList(
            "", "0x", "4294967296x", "1.2.3.4 foo", "1.2.3.4\t", " 1.2.3.4", "1.2.3.4.", "1.2.3.4.5", "08.1.1.1", "09.1.2.3",
            "1.2.3.256", "1.2.3.4%1", "[::1]", "::1 ", ":::1", "1::2::3", "a:b", "nosuchhost.invalid", "no such host");

    /** Names that no source knows, each looked up (by DNS) twice at most. */
    private static final List<String> UNKNOWN_NAMES = Arrays.asList(
            "", "nosuchhost.invalid", "1.2.3.256", "09.1.2.3", "1.2.3.4 foo", "[::1]", "a:b");

    private static final List<Hints> NO_LOOKUP_HINTS = List.of(
            Hints.of(AddressFamily.AF_UNSPEC, AI_NUMERICHOST),
            Hints.of(AddressFamily.AF_INET6, AI_NUMERICHOST, AI_V4MAPPED, AI_CANONNAME),
            Hints.of(AddressFamily.AF_INET, AI_NUMERICHOST, AI_PASSIVE).type(SocketType.SOCK_DGRAM),
            Hints.of(AddressFamily.AF_UNIX));

    private static final List<String> SERVICES = Arrays.asList(
            null, "", "*", "0", "80", "65535", "65536", "-1", "-80", "-4294967216", " 80", "\t80", "+80", " +80", "+", " ",
            "080", "0x50", "80 ", "2147483647", "2147483648", "4294967295", "4294967376", "99999999999999999999",
            "-99999999999999999999", "http", "www", "HTTP", "domain", "amqp", "echo", "discard", "sink", "fsp", "ftp",
            "nosuchsvc", "http-alt", "webcache", "ssh");

    private static final List<Hints> SERVICE_HINTS = List.of(
            Hints.of(AddressFamily.AF_INET),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_STREAM),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_DGRAM),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_RAW),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_SEQPACKET),
            Hints.of(AddressFamily.AF_INET).protocol(IpProtocol.IPPROTO_IP),
            Hints.of(AddressFamily.AF_INET).protocol(IpProtocol.IPPROTO_TCP),
            Hints.of(AddressFamily.AF_INET).protocol(IpProtocol.IPPROTO_UDP),
            Hints.of(AddressFamily.AF_INET).protocol(IpProtocol.IPPROTO_SCTP),
            Hints.of(AddressFamily.AF_INET).protocol(IpProtocol.IPPROTO_UDPLITE),
            Hints.of(AddressFamily.AF_INET).protocol(IpProtocol.IPPROTO_ICMP),
            Hints.of(AddressFamily.AF_INET).protocol(IpProtocol.IPPROTO_RAW),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_STREAM).protocol(IpProtocol.IPPROTO_UDP),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_STREAM).protocol(IpProtocol.IPPROTO_SCTP),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_DGRAM).protocol(IpProtocol.IPPROTO_UDPLITE),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_RAW).protocol(IpProtocol.IPPROTO_ICMP),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_SEQPACKET).protocol(IpProtocol.IPPROTO_TCP),
            Hints.of(AddressFamily.AF_INET).type(SocketType.SOCK_RAW).protocol(IpProtocol.IPPROTO_IPV6),
            Hints.of(AddressFamily.AF_INET, AI_NUMERICSERV),
            Hints.of(AddressFamily.AF_INET, AI_NUMERICSERV).type(SocketType.SOCK_DGRAM),
            Hints.of(AddressFamily.AF_INET, AI_NUMERICSERV).type(SocketType.SOCK_RAW),
            Hints.of(AddressFamily.AF_INET, AI_NUMERICSERV).protocol(IpProtocol.IPPROTO_SCTP));

    private static final List<Set<NiFlag>> ALL_NI_FLAG_SETS = allSubsets();

    private static final List<IpAddress> GNI_ADDRESSES = List.of(
            Ipv4Address.LOOPBACK, Ipv4Address.ANY, Ipv4Address.BROADCAST, Ipv6Address.LOOPBACK, Ipv6Address.ANY,
            Ipv4Address.LOOPBACK.toMapped(), v6(0xfe80, 1, 0), v6(0xfe80, 1, 1), v6(0xfe80, 1, 99), v6(0xfe80, 1, 12345),
            v6(0xff02, 1, 1), v6(0xff12, 1, 1), v6(0xff01, 1, 1), v6(0xff05, 1, 1), Ipv6Address.LOOPBACK.withScopeId(1),
            v6(0x2001, 1, 7));

    private static List<String> hostsFileNames;

    /** Hints as plain values, written both as sockit's {@link AddrInfoHints} and as Python's arguments. */
    private record Hints(AddressFamily family, Optional<SocketType> type, Optional<IpProtocol> protocol, Set<AiFlag> flags) {
        static Hints of(AddressFamily family, AiFlag... flags) {
            EnumSet<AiFlag> set = EnumSet.noneOf(AiFlag.class);
            set.addAll(Arrays.asList(flags));
            return new Hints(family, Optional.empty(), Optional.empty(), set);
        }

        Hints type(SocketType type) {
            return new Hints(family, Optional.of(type), protocol, flags);
        }

        Hints protocol(IpProtocol protocol) {
            return new Hints(family, type, Optional.of(protocol), flags);
        }

        AddrInfoHints toHints() {
            return new AddrInfoHints(family, type, protocol, flags);
        }
    }

    private record GaiCase(String host, String service, Hints hints) {
        String pythonInput() {
            int flagBits = hints.flags().stream().mapToInt(AiFlag::value).sum();
            return "[" + ResolverOracle.json(host) + ", " + ResolverOracle.json(service) + ", " + hints.family().value() + ", "
                    + hints.type().map(SocketType::value).orElse(0) + ", " + hints.protocol().map(IpProtocol::value).orElse(0) + ", "
                    + flagBits + "]";
        }

        String sockitAnswer() {
            try {
                return Resolver.getaddrinfo(host, service, hints.toHints()).stream()
                        .map(ResolverPythonTest::format)
                        .collect(Collectors.joining(" | "));
            } catch (GaiException e) {
                return "ERR " + e.error().number();
            }
        }
    }

    private record GniCase(IpAddress address, int port, Set<NiFlag> flags) {
        String pythonInput() {
            String text = address instanceof Ipv6Address v6 ? Inet.inetNtop(AddressFamily.AF_INET6, v6.bytes()) : address.toString();
            int scope = address instanceof Ipv6Address v6 ? v6.scopeId() : 0;
            return "[" + ResolverOracle.json(text) + ", " + port + ", " + scope + ", " + flags.stream().mapToInt(NiFlag::value).sum() + "]";
        }

        String sockitAnswer() {
            try {
                NameInfo info = Resolver.getnameinfo(InetSockAddr.of(address, port), flags);
                return ResolverOracle.json(info.host()) + " " + ResolverOracle.json(info.service());
            } catch (GaiException e) {
                return "ERR " + e.error().number();
            }
        }
    }

    @BeforeAll
    static void readHostsFile() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("/etc/hosts"), StandardCharsets.UTF_8)) {
            String body = line.replaceFirst("#.*", "").strip();
            if (!body.isEmpty()) {
                names.addAll(Arrays.asList(body.split("\\s+")).subList(1, body.split("\\s+").length));
            }
        }
        hostsFileNames = List.copyOf(names);
    }

    @Test
    void getaddrinfo_numericHosts_matchGlibc() throws Exception {
        List<GaiCase> cases = new ArrayList<>();
        for (String host : NUMERIC_HOSTS) {
            for (String service : Arrays.asList("80", null)) {
                for (Hints hints : HOST_HINTS) {
                    cases.add(new GaiCase(host, service, hints));
                }
            }
        }
        for (String host : NOT_NUMERIC_HOSTS) {
            for (Hints hints : NO_LOOKUP_HINTS) {
                cases.add(new GaiCase(host, "80", hints));
            }
        }

        assertThat(cases).hasSizeGreaterThan(1000);
        assertMatchesPython(cases);
    }

    @Test
    void getaddrinfo_hostsFileNames_matchGlibc() throws Exception {
        List<String> names = new ArrayList<>(hostsFileNames);
        names.add(hostsFileNames.get(0).toUpperCase(Locale.ROOT));
        List<GaiCase> cases = new ArrayList<>();
        for (String name : names) {
            for (String service : Arrays.asList("80", null)) {
                for (Hints hints : HOST_HINTS) {
                    if (hints.family() != AddressFamily.AF_INET6) {
                        cases.add(new GaiCase(name, service, hints));
                    }
                }
            }
        }
        for (Hints hints : HOST_HINTS) {
            if (hints.family() == AddressFamily.AF_INET6 && !hints.flags().contains(AI_NUMERICHOST)) {
                cases.add(new GaiCase(hostsFileNames.get(0), "80", hints));
            }
        }

        assertMatchesPython(cases);
    }

    @Test
    void getaddrinfo_unknownNames_matchGlibc() throws Exception {
        List<GaiCase> cases = new ArrayList<>();
        for (String name : UNKNOWN_NAMES) {
            cases.add(new GaiCase(name, "80", Hints.of(AddressFamily.AF_UNSPEC)));
            cases.add(new GaiCase(name, "80", Hints.of(AddressFamily.AF_INET6, AI_V4MAPPED, AI_CANONNAME)));
        }
        cases.add(new GaiCase(hostsFileNames.get(0) + ".", "80", Hints.of(AddressFamily.AF_UNSPEC, AI_CANONNAME)));

        assertMatchesPython(cases);
    }

    @Test
    void getaddrinfo_serviceMatrix_matchesGlibc() throws Exception {
        List<GaiCase> cases = new ArrayList<>();
        for (String service : SERVICES) {
            for (Hints hints : SERVICE_HINTS) {
                cases.add(new GaiCase("127.0.0.1", service, hints));
            }
        }

        assertThat(cases).hasSizeGreaterThan(800);
        assertMatchesPython(cases);
    }

    @Test
    void getaddrinfo_errorPrecedence_matchesGlibc() throws Exception {
        String name = hostsFileNames.get(0);
        List<GaiCase> cases = List.of(
                new GaiCase(null, null, Hints.of(AddressFamily.AF_UNSPEC)),
                new GaiCase("*", "*", Hints.of(AddressFamily.AF_UNSPEC)),
                new GaiCase("*", null, Hints.of(AddressFamily.AF_UNSPEC, AI_PASSIVE)),
                new GaiCase(null, "*", Hints.of(AddressFamily.AF_UNSPEC)),
                new GaiCase(null, "", Hints.of(AddressFamily.AF_UNSPEC)),
                new GaiCase(null, "", Hints.of(AddressFamily.AF_UNSPEC, AI_PASSIVE)),
                new GaiCase("*", "80", Hints.of(AddressFamily.AF_UNSPEC, AI_CANONNAME)),
                new GaiCase(null, "80", Hints.of(AddressFamily.AF_UNSPEC, AI_CANONNAME, AI_NUMERICSERV).type(SocketType.SOCK_SEQPACKET)),
                new GaiCase(null, "http", Hints.of(AddressFamily.AF_UNIX, AI_NUMERICSERV)),
                new GaiCase(name, "nosuchsvc", Hints.of(AddressFamily.AF_UNIX).type(SocketType.SOCK_STREAM)),
                new GaiCase(name, "nosuchsvc", Hints.of(AddressFamily.AF_INET6, AI_NUMERICSERV, AI_ADDRCONFIG).type(SocketType.SOCK_RAW)),
                new GaiCase(name, "nosuchsvc", Hints.of(AddressFamily.AF_UNSPEC).type(SocketType.SOCK_RAW)),
                new GaiCase("nosuchhost.invalid", "nosuchsvc", Hints.of(AddressFamily.AF_UNSPEC)),
                new GaiCase("nosuchhost.invalid", "http", Hints.of(AddressFamily.AF_UNSPEC).type(SocketType.SOCK_DGRAM)),
                new GaiCase("nosuchhost.invalid", "80", Hints.of(AddressFamily.AF_UNSPEC).type(SocketType.SOCK_STREAM).protocol(IpProtocol.IPPROTO_UDP)),
                new GaiCase("fe80::1%nosuch", "80", Hints.of(AddressFamily.AF_INET)),
                new GaiCase("1.2.3.4", "nosuchsvc", Hints.of(AddressFamily.AF_INET6)),
                new GaiCase("1.2.3.4", "http", Hints.of(AddressFamily.AF_INET6).type(SocketType.SOCK_DGRAM)),
                new GaiCase(null, "nosuchsvc", Hints.of(AddressFamily.AF_UNSPEC, AI_NUMERICSERV).type(SocketType.SOCK_SEQPACKET)),
                new GaiCase(null, "80", Hints.of(AddressFamily.AF_INET6, AI_V4MAPPED)),
                new GaiCase(null, "80", Hints.of(AddressFamily.AF_INET, AI_PASSIVE, AI_V4MAPPED)),
                new GaiCase(null, "80", Hints.of(AddressFamily.AF_UNSPEC, AI_ADDRCONFIG, AI_PASSIVE)),
                new GaiCase(name, "amqp", Hints.of(AddressFamily.AF_UNSPEC, AI_CANONNAME)),
                new GaiCase(name, "discard", Hints.of(AddressFamily.AF_INET6, AI_CANONNAME, AI_V4MAPPED)));

        assertMatchesPython(cases);
    }

    @Test
    void getnameinfo_namedAddress_matchesGlibc() throws Exception {
        List<GniCase> cases = new ArrayList<>();
        for (int port : new int[] {0, 7, 9, 21, 22, 53, 80, 5672, 8080, 65535}) {
            for (Set<NiFlag> flags : ALL_NI_FLAG_SETS) {
                cases.add(new GniCase(Ipv4Address.LOOPBACK, port, flags));
            }
        }

        assertMatchesPython(cases, GniCase::pythonInput, GniCase::sockitAnswer, GETNAMEINFO_SCRIPT);
    }

    @Test
    void getnameinfo_numericHost_matchesGlibc() throws Exception {
        List<GniCase> cases = new ArrayList<>();
        for (IpAddress address : GNI_ADDRESSES) {
            for (Set<NiFlag> flags : ALL_NI_FLAG_SETS) {
                if (flags.contains(NI_NUMERICHOST)) {
                    cases.add(new GniCase(address, 80, flags));
                }
            }
        }

        assertMatchesPython(cases, GniCase::pythonInput, GniCase::sockitAnswer, GETNAMEINFO_SCRIPT);
    }

    @Test
    void getnameinfo_unnamedAddress_matchesGlibc() throws Exception {
        List<GniCase> cases = new ArrayList<>();
        for (IpAddress address : List.of(Ipv4Address.ofHostOrder(0x7f000002L), Ipv6Address.LOOPBACK, Ipv4Address.LOOPBACK.toMapped(),
                v6(0xfe80, 1, 1), v6(0xfe80, 1, 12345), v6(0xff01, 1, 1))) {
            for (Set<NiFlag> flags : List.of(Set.<NiFlag>of(), Set.of(NI_NAMEREQD), Set.of(NI_NOFQDN, NI_DGRAM))) {
                cases.add(new GniCase(address, 53, flags));
            }
        }

        assertMatchesPython(cases, GniCase::pythonInput, GniCase::sockitAnswer, GETNAMEINFO_SCRIPT);
    }

    private static void assertMatchesPython(List<GaiCase> cases) throws Exception {
        assertMatchesPython(cases, GaiCase::pythonInput, GaiCase::sockitAnswer, GETADDRINFO_SCRIPT);
    }

    private static <T> void assertMatchesPython(List<T> cases, Function<T, String> input, Function<T, String> sockit, String script)
            throws Exception {
        List<String> expected = ResolverOracle.python(script, cases.stream().map(input).toList());

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String actual = sockit.apply(cases.get(i));
            if (!actual.equals(expected.get(i))) {
                mismatches.add(input.apply(cases.get(i)) + "\n    glibc:  " + expected.get(i) + "\n    sockit: " + actual);
            }
        }
        assertThat(expected).hasSameSizeAs(cases);
        assertThat(mismatches).isEmpty();
    }

    private static String format(AddrInfo info) {
        IpAddress address = info.address().address();
        String text = address instanceof Ipv6Address v6 ? Inet.inetNtop(AddressFamily.AF_INET6, v6.bytes()) : address.toString();
        int scope = address instanceof Ipv6Address v6 ? v6.scopeId() : 0;
        return info.family().value() + " " + info.type().value() + " " + info.protocol().value() + " "
                + ResolverOracle.json(info.canonName().orElse("")) + " " + text + " " + info.address().port() + " " + scope;
    }

    private static List<Set<NiFlag>> allSubsets() {
        List<Set<NiFlag>> subsets = new ArrayList<>();
        NiFlag[] flags = NiFlag.values();
        for (int bits = 0; bits < 1 << flags.length; bits++) {
            EnumSet<NiFlag> subset = EnumSet.noneOf(NiFlag.class);
            for (int i = 0; i < flags.length; i++) {
                if ((bits & 1 << i) != 0) {
                    subset.add(flags[i]);
                }
            }
            subsets.add(subset);
        }
        return List.copyOf(subsets);
    }

    private static Ipv6Address v6(int firstGroup, int lastGroup, int scopeId) {
        byte[] bytes = new byte[16];
        bytes[0] = (byte) (firstGroup >> 8);
        bytes[1] = (byte) firstGroup;
        bytes[14] = (byte) (lastGroup >> 8);
        bytes[15] = (byte) lastGroup;
        return Ipv6Address.ofBytes(bytes, scopeId);
    }
}
