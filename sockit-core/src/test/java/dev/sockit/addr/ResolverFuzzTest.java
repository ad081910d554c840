package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzes what {@link Resolver} parses itself, never reaching DNS: any host under
 * {@code AI_NUMERICHOST}, any service under {@code AI_NUMERICSERV}, any family, type, protocol and
 * other flags; and any line of a services file. The only allowed outcomes are results that hold
 * together or a {@link GaiException} with a code these inputs can cause.
 */
final class ResolverFuzzTest {
    private static final Set<EaiError> PARSE_ERRORS = EnumSet.of(EaiError.EAI_NONAME, EaiError.EAI_BADFLAGS, EaiError.EAI_FAMILY,
            EaiError.EAI_SOCKTYPE, EaiError.EAI_SERVICE, EaiError.EAI_ADDRFAMILY);

    @FuzzTest(maxDuration = "10s")
    void getaddrinfoAndFileLines_anyText_documentedOutcomesOnly(FuzzedDataProvider data) {
        String host = data.consumeBoolean() ? null : data.consumeString(64);
        String service = data.consumeBoolean() ? null : data.consumeString(24);
        AddrInfoHints hints = new AddrInfoHints(
                data.pickValue(AddressFamily.values()),
                data.consumeBoolean() ? Optional.empty() : Optional.of(data.pickValue(SocketType.values())),
                data.consumeBoolean() ? Optional.empty() : Optional.of(data.pickValue(IpProtocol.values())),
                flags(data));
        String servicesLine = data.consumeRemainingAsString();

        try {
            List<AddrInfo> results = Resolver.getaddrinfo(host, service, hints);
            assertThat(results).isNotEmpty();
            assertThat(results.subList(1, results.size())).allMatch(info -> info.canonName().isEmpty());
            assertThat(results.get(0).canonName().isPresent()).isEqualTo(hints.flags().contains(AiFlag.AI_CANONNAME));
        } catch (GaiException e) {
            assertThat(PARSE_ERRORS).contains(e.error());
            assertThat(e.getMessage()).doesNotContain("\n");
        }

        Services.parseLine(servicesLine).ifPresent(entry -> {
            assertThat(entry.port()).isBetween(0, 65535);
            assertThat(entry.name()).isNotEmpty().doesNotContain(" ", "\t", "#");
        });
        HostsFile.parseLine(servicesLine).ifPresent(entry -> {
            assertThat(entry.name()).isNotEmpty().doesNotContain(" ", "\t", "#");
            assertThat(entry.aliases()).allMatch(alias -> !alias.isEmpty() && alias.indexOf('#') < 0);
        });
    }

    private static Set<AiFlag> flags(FuzzedDataProvider data) {
        EnumSet<AiFlag> flags = EnumSet.of(AiFlag.AI_NUMERICHOST, AiFlag.AI_NUMERICSERV);
        for (AiFlag flag : EnumSet.of(AiFlag.AI_PASSIVE, AiFlag.AI_CANONNAME, AiFlag.AI_V4MAPPED, AiFlag.AI_ALL, AiFlag.AI_ADDRCONFIG)) {
            if (data.consumeBoolean()) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
