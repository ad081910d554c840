package dev.sockit.addr;

import static dev.sockit.addr.AiFlag.AI_ADDRCONFIG;
import static dev.sockit.addr.AiFlag.AI_CANONNAME;
import static dev.sockit.addr.AiFlag.AI_PASSIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AddrInfoLookup} with its sources stood in for: the interface families
 * {@code AI_ADDRCONFIG} sees, the services database and the hosts file. What glibc does with
 * other machines' interfaces follows its {@code getaddrinfo} and {@code __check_pf}; the Python
 * comparison covers this machine.
 */
final class AddrInfoLookupTest {
    private static final NetInterfaces.Families IPV4_ONLY = new NetInterfaces.Families(true, false, false);
    private static final NetInterfaces.Families IPV6_ONLY = new NetInterfaces.Families(false, true, true);
    private static final NetInterfaces.Families LOOPBACK_ONLY = new NetInterfaces.Families(false, false, true);
    private static final NetInterfaces.Families DUAL_STACK = new NetInterfaces.Families(true, true, true);

    @TempDir
    Path dir;

    @Test
    void getaddrinfo_addrconfigIpv4Only_narrowsToIpv4() throws Exception {
        AddrInfoLookup lookup = lookup(IPV4_ONLY);

        assertThat(addresses(lookup.getaddrinfo(null, "80", AddrInfoHints.ANY.withFlags(AI_ADDRCONFIG))))
                .containsExactly("127.0.0.1:80", "127.0.0.1:80", "127.0.0.1:80");
        assertThat(error(lookup, "::1", AddrInfoHints.ANY.withFlags(AI_ADDRCONFIG))).isEqualTo(EaiError.EAI_ADDRFAMILY);
        assertThat(error(lookup, "::1", AddrInfoHints.ANY.withFamily(AddressFamily.AF_INET6).withFlags(AI_ADDRCONFIG)))
                .isEqualTo(EaiError.EAI_NONAME);
        assertThat(addresses(lookup.getaddrinfo("::ffff:10.0.0.1", "80", AddrInfoHints.ANY.withFlags(AI_ADDRCONFIG))))
                .containsExactly("10.0.0.1:80", "10.0.0.1:80", "10.0.0.1:80");
    }

    @Test
    void getaddrinfo_addrconfigIpv6Only_narrowsToIpv6() throws Exception {
        AddrInfoLookup lookup = lookup(IPV6_ONLY);

        assertThat(addresses(lookup.getaddrinfo(null, "80", AddrInfoHints.ANY.withFlags(AI_ADDRCONFIG, AI_PASSIVE))))
                .containsExactly("[::]:80", "[::]:80", "[::]:80");
        assertThat(error(lookup, "127.0.0.1", AddrInfoHints.ANY.withFlags(AI_ADDRCONFIG))).isEqualTo(EaiError.EAI_ADDRFAMILY);
        assertThat(error(lookup, "127.0.0.1", AddrInfoHints.ANY.withFamily(AddressFamily.AF_INET).withFlags(AI_ADDRCONFIG)))
                .isEqualTo(EaiError.EAI_NONAME);
    }

    @Test
    void getaddrinfo_addrconfigLoopbackOnly_keepsBothFamiliesUnlessOneIsAskedFor() throws Exception {
        AddrInfoLookup lookup = lookup(LOOPBACK_ONLY);

        assertThat(addresses(lookup.getaddrinfo(null, "80", AddrInfoHints.ANY.withType(SocketType.SOCK_STREAM).withFlags(AI_ADDRCONFIG))))
                .containsExactly("[::1]:80", "127.0.0.1:80");
        assertThat(error(lookup, "127.0.0.1", AddrInfoHints.ANY.withFamily(AddressFamily.AF_INET).withFlags(AI_ADDRCONFIG)))
                .isEqualTo(EaiError.EAI_NONAME);
    }

    @Test
    void getaddrinfo_addrconfigUnsupportedFamily_familyErrorFirst() {
        assertThat(error(lookup(IPV4_ONLY), "127.0.0.1", AddrInfoHints.ANY.withFamily(AddressFamily.AF_UNIX).withFlags(AI_ADDRCONFIG)))
                .isEqualTo(EaiError.EAI_FAMILY);
    }

    @Test
    void getaddrinfo_noHostWithoutIpv6_ipv4LoopbackFirst() throws Exception {
        AddrInfoLookup lookup = lookup(new NetInterfaces.Families(true, false, false));

        assertThat(addresses(lookup.getaddrinfo(null, "80", AddrInfoHints.ANY.withType(SocketType.SOCK_STREAM))))
                .containsExactly("127.0.0.1:80", "[::1]:80");
        assertThat(addresses(lookup.getaddrinfo(null, "80", AddrInfoHints.ANY.withType(SocketType.SOCK_STREAM).withFlags(AI_PASSIVE))))
                .containsExactly("0.0.0.0:80", "[::]:80");
    }

    @Test
    void getaddrinfo_serviceWithSctpAndDccpLines_sctpEntriesKeptDccpLeftOut() throws Exception {
        Path services = Files.writeString(dir.resolve("services"), "both 1234/dccp\nboth 1234/sctp\nboth 1234/tcp\nonlydccp 99/dccp\n");
        AddrInfoLookup lookup = new AddrInfoLookup(() -> Services.read(services), dir.resolve("hosts"), () -> DUAL_STACK);

        List<AddrInfo> results = lookup.getaddrinfo("127.0.0.1", "both", AddrInfoHints.ANY);

        assertThat(results).extracting(AddrInfo::type, AddrInfo::protocol).containsExactly(
                tuple(SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP),
                tuple(SocketType.SOCK_STREAM, IpProtocol.IPPROTO_SCTP),
                tuple(SocketType.SOCK_SEQPACKET, IpProtocol.IPPROTO_SCTP));
        assertThat(catchThrowableOfType(GaiException.class, () -> lookup.getaddrinfo("127.0.0.1", "onlydccp", AddrInfoHints.ANY)).error())
                .isEqualTo(EaiError.EAI_SERVICE);
    }

    @Test
    void getaddrinfo_dccpProtocolHint_failsWithSocktypeNamingTheGap() {
        GaiException e = catchThrowableOfType(GaiException.class,
                () -> lookup(DUAL_STACK).getaddrinfo("127.0.0.1", "80", AddrInfoHints.ANY.withProtocol(IpProtocol.IPPROTO_DCCP)));

        assertThat(e.error()).isEqualTo(EaiError.EAI_SOCKTYPE);
        assertThat(e).hasMessage("getaddrinfo(\"127.0.0.1\", \"80\") [glibc answers SOCK_DCCP, which sockit's SocketType lacks]: "
                + "EAI_SOCKTYPE (-7): ai_socktype not supported");
    }

    @Test
    void getaddrinfo_scopeAboveIntMax_nonameAsSockitCannotHoldIt() {
        assertThat(error(lookup(DUAL_STACK), "fe80::1%2147483648", AddrInfoHints.ANY)).isEqualTo(EaiError.EAI_NONAME);
    }

    @Test
    void getaddrinfo_nameWithOtherFamilyOnlyNotInHostsFile_nodata() throws Exception {
        Files.writeString(dir.resolve("hosts"), "# nothing\n");

        assertThat(error(lookup(DUAL_STACK), "localhost", AddrInfoHints.ANY.withFamily(AddressFamily.AF_INET6))).isEqualTo(EaiError.EAI_NODATA);
    }

    @Test
    void getaddrinfo_nameInHostsFileWithOtherFamilyOnly_noname() throws Exception {
        Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");

        assertThat(error(lookup(DUAL_STACK), "LocalHost", AddrInfoHints.ANY.withFamily(AddressFamily.AF_INET6))).isEqualTo(EaiError.EAI_NONAME);
    }

    @Test
    void getaddrinfo_canonnameForHostsFileAlias_isTheLinesOfficialName() throws Exception {
        Files.writeString(dir.resolve("hosts"), "127.0.0.2 elsewhere localhost\n127.0.0.1 loopback.example localhost\n");

        List<AddrInfo> results = lookup(DUAL_STACK).getaddrinfo("localhost", "80", AddrInfoHints.ANY.withFlags(AI_CANONNAME));

        assertThat(results).extracting(AddrInfo::canonName)
                .containsExactly(Optional.of("loopback.example"), Optional.empty(), Optional.empty());
    }

    @Test
    void getaddrinfo_canonnameForNameNotInHostsFile_isTheNameAsGiven() throws Exception {
        List<AddrInfo> results = lookup(DUAL_STACK).getaddrinfo("LOCALHOST", "80", AddrInfoHints.ANY.withFlags(AI_CANONNAME));

        assertThat(results.get(0).canonName()).isEqualTo(Optional.of("LOCALHOST"));
    }

    @Test
    void jdkError_gaiStrerrorInMessage_isThatCode() {
        assertThat(AddrInfoLookup.jdkError("x", new UnknownHostException("x: Temporary failure in name resolution"))).isEqualTo(EaiError.EAI_AGAIN);
        assertThat(AddrInfoLookup.jdkError("x", new UnknownHostException("x: No address associated with hostname"))).isEqualTo(EaiError.EAI_NODATA);
        assertThat(AddrInfoLookup.jdkError("x", new UnknownHostException("x: Non-recoverable failure in name resolution")))
                .isEqualTo(EaiError.EAI_FAIL);
    }

    @Test
    void jdkError_noKnownText_isNoname() {
        assertThat(AddrInfoLookup.jdkError("x", new UnknownHostException("x"))).isEqualTo(EaiError.EAI_NONAME);
        assertThat(AddrInfoLookup.jdkError("x", new UnknownHostException(null))).isEqualTo(EaiError.EAI_NONAME);
        assertThat(AddrInfoLookup.jdkError("x", new UnknownHostException("y: Temporary failure in name resolution"))).isEqualTo(EaiError.EAI_NONAME);
        assertThat(AddrInfoLookup.jdkError("x", new UnknownHostException("x: Bad value for ai_flags"))).isEqualTo(EaiError.EAI_NONAME);
    }

    private AddrInfoLookup lookup(NetInterfaces.Families families) {
        return new AddrInfoLookup(Services::system, dir.resolve("hosts"), () -> families);
    }

    private static EaiError error(AddrInfoLookup lookup, String host, AddrInfoHints hints) {
        return catchThrowableOfType(GaiException.class, () -> lookup.getaddrinfo(host, "80", hints)).error();
    }

    private static List<String> addresses(List<AddrInfo> results) {
        return results.stream().map(info -> info.address().toString()).toList();
    }
}
