package dev.sockit.addr;

import static dev.sockit.addr.AiFlag.AI_CANONNAME;
import static dev.sockit.addr.AiFlag.AI_NUMERICHOST;
import static dev.sockit.addr.AiFlag.AI_PASSIVE;
import static dev.sockit.addr.AiFlag.AI_V4MAPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public API's contract: values, messages, argument checks. What it answers is {@link ResolverPythonTest}'s. */
final class ResolverTest {

    @Test
    void addrInfoHints_any_isZeroedStruct() {
        assertThat(AddrInfoHints.ANY).isEqualTo(new AddrInfoHints(AddressFamily.AF_UNSPEC, Optional.empty(), Optional.empty(), Set.of()));
    }

    @Test
    void addrInfoHints_with_changesOneFieldOnly() {
        AddrInfoHints hints = AddrInfoHints.ANY.withFamily(AddressFamily.AF_INET6)
                .withType(SocketType.SOCK_DGRAM)
                .withProtocol(IpProtocol.IPPROTO_UDP)
                .withFlags(AI_PASSIVE, AI_V4MAPPED, AI_PASSIVE);

        assertThat(hints).isEqualTo(new AddrInfoHints(AddressFamily.AF_INET6, Optional.of(SocketType.SOCK_DGRAM),
                Optional.of(IpProtocol.IPPROTO_UDP), EnumSet.of(AI_PASSIVE, AI_V4MAPPED)));
        assertThat(hints.withFlags().flags()).isEmpty();
        assertThat(AddrInfoHints.ANY.flags()).isEmpty();
    }

    @Test
    void addrInfoHints_flags_copiedAndUnmodifiable() {
        EnumSet<AiFlag> flags = EnumSet.of(AI_CANONNAME);
        AddrInfoHints hints = new AddrInfoHints(AddressFamily.AF_UNSPEC, Optional.empty(), Optional.empty(), flags);
        flags.add(AI_PASSIVE);

        assertThat(hints.flags()).containsExactly(AI_CANONNAME);
        assertThatThrownBy(() -> hints.flags().add(AI_PASSIVE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void addrInfo_familyNotTheAddresses_throwsIllegalArgumentException() {
        InetSockAddr address = InetSockAddr.of(Ipv4Address.LOOPBACK, 80);

        assertThatThrownBy(() -> new AddrInfo(AddressFamily.AF_INET6, SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP, Optional.empty(), address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("family: AF_INET6 (expected: AF_INET, the address's)");
    }

    @Test
    void getaddrinfo_failure_gaiExceptionWithOneLineMessage() {
        GaiException e = catchThrowableOfType(GaiException.class, () -> Resolver.getaddrinfo("localhost", "nosuchsvc", AddrInfoHints.ANY));

        assertThat(e).isInstanceOf(UnknownHostException.class)
                .hasMessage("getaddrinfo(\"localhost\", \"nosuchsvc\"): EAI_SERVICE (-8): Servname not supported for ai_socktype");
        assertThat(e.error()).isEqualTo(EaiError.EAI_SERVICE);
    }

    @Test
    void getaddrinfo_controlCharactersInArguments_escapedInMessage() {
        GaiException e = catchThrowableOfType(GaiException.class,
                () -> Resolver.getaddrinfo("a\nb\0", null, AddrInfoHints.ANY.withFlags(AI_NUMERICHOST)));

        assertThat(e).hasMessage("getaddrinfo(\"a\\nb\\u0000\", null): EAI_NONAME (-2): Name or service not known");
    }

    @Test
    void getaddrinfo_nulInHostOrService_notTruncatedAsInC() {
        assertThat(catchThrowableOfType(GaiException.class, () -> Resolver.getaddrinfo("127.0.0.1\0evil", "80", AddrInfoHints.ANY)).error())
                .isEqualTo(EaiError.EAI_NONAME);
        assertThat(catchThrowableOfType(GaiException.class, () -> Resolver.getaddrinfo("127.0.0.1", "80\0", AddrInfoHints.ANY)).error())
                .isEqualTo(EaiError.EAI_SERVICE);
    }

    @Test
    void getaddrinfo_nullHints_throwsNullPointerException() {
        assertThatThrownBy(() -> Resolver.getaddrinfo("127.0.0.1", "80", null)).isInstanceOf(NullPointerException.class).hasMessage("hints");
    }

    @Test
    void getaddrinfo_results_unmodifiableAndCanonNameOnFirstOnly() throws Exception {
        List<AddrInfo> results = Resolver.getaddrinfo("127.1", "80", AddrInfoHints.ANY.withFlags(AI_CANONNAME));

        assertThat(results).containsExactly(
                new AddrInfo(AddressFamily.AF_INET, SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP, Optional.of("127.1"), InetSockAddr.of(Ipv4Address.LOOPBACK, 80)),
                new AddrInfo(AddressFamily.AF_INET, SocketType.SOCK_DGRAM, IpProtocol.IPPROTO_UDP, Optional.empty(), InetSockAddr.of(Ipv4Address.LOOPBACK, 80)),
                new AddrInfo(AddressFamily.AF_INET, SocketType.SOCK_RAW, IpProtocol.IPPROTO_IP, Optional.empty(), InetSockAddr.of(Ipv4Address.LOOPBACK, 80)));
        assertThatThrownBy(() -> results.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void getnameinfo_nameRequiredButNumeric_messageNamesAddressAndFlags() {
        GaiException e = catchThrowableOfType(GaiException.class,
                () -> Resolver.getnameinfo(InetSockAddr.of(Ipv4Address.LOOPBACK, 80), Set.of(NiFlag.NI_NAMEREQD, NiFlag.NI_NUMERICHOST)));

        assertThat(e).hasMessage("getnameinfo(127.0.0.1:80, [NI_NUMERICHOST, NI_NAMEREQD]): EAI_NONAME (-2): Name or service not known");
    }

    @Test
    void flags_values_glibcBits() {
        assertThat(EnumSet.allOf(AiFlag.class).stream().mapToInt(AiFlag::value)).containsExactly(0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x400);
        assertThat(EnumSet.allOf(NiFlag.class).stream().mapToInt(NiFlag::value)).containsExactly(1, 2, 4, 8, 16);
    }

    @Test
    void nameInfo_nullPart_throwsNullPointerException() {
        assertThatThrownBy(() -> new NameInfo(null, "80")).isInstanceOf(NullPointerException.class).hasMessage("host");
    }
}
