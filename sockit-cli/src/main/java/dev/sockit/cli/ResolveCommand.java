package dev.sockit.cli;

import dev.sockit.addr.AddrInfo;
import dev.sockit.addr.AddrInfoHints;
import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.AiFlag;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.Resolver;
import dev.sockit.addr.SocketType;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sockit resolve HOST [SERVICE]}: the {@code getaddrinfo} result list, one line per
 * entry, in the order the system's resolver gives.
 */
@Command(
        name = "resolve",
        mixinStandardHelpOptions = true,
        description = {
            "Resolve HOST and SERVICE with getaddrinfo semantics and print one line per result:",
            "  FAMILY TYPE PROTOCOL ADDRESS PORT [CANONNAME]",
            "in the system's order (as 'getent ahosts' and Python's socket.getaddrinfo list them).",
            "An empty HOST ('') is C's NULL host: the wildcard with --passive, else loopback.",
            "Errors print their EAI_* name and gai_strerror text and exit 1."
        })
final class ResolveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "A name, an address, or '' for none.")
    private String host;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SERVICE", description = "A port number or a name from /etc/services.")
    private String service;

    @ArgGroup(exclusive = true)
    private Family family;

    @Option(names = "--type", paramLabel = "stream|dgram|raw", description = "Only this socket type (ai_socktype).")
    private String type;

    @Option(names = "--passive", description = "AI_PASSIVE: addresses to bind to.")
    private boolean passive;

    @Option(names = "--canonname", description = "AI_CANONNAME: add the canonical name to the first line.")
    private boolean canonName;

    @Option(names = {"-n", "--numeric-host"}, description = "AI_NUMERICHOST: HOST must be an address; no lookup.")
    private boolean numericHost;

    @Option(names = "--numeric-serv", description = "AI_NUMERICSERV: SERVICE must be a number.")
    private boolean numericService;

    @Option(names = "--addrconfig", description = "AI_ADDRCONFIG: only families this host has addresses of.")
    private boolean addrConfig;

    @Option(names = "--v4mapped", description = "AI_V4MAPPED with -6: IPv4 results as ::ffff:a.b.c.d.")
    private boolean v4Mapped;

    static final class Family {
        @Option(names = "-4", description = "AF_INET only.")
        boolean inet;

        @Option(names = "-6", description = "AF_INET6 only.")
        boolean inet6;

        AddressFamily value() {
            return inet ? AddressFamily.AF_INET : AddressFamily.AF_INET6;
        }
    }

    @Override
    public Integer call() {
        AddrInfoHints hints = AddrInfoHints.ANY
                .withFamily(family == null ? AddressFamily.AF_UNSPEC : family.value())
                .withFlags(flags().toArray(AiFlag[]::new));
        if (type != null) {
            hints = hints.withType(socketType());
        }
        String hostOrNull = host.isEmpty() ? null : host;
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<AddrInfo> results = Resolver.getaddrinfo(hostOrNull, service, hints);
            for (AddrInfo info : results) {
                out.println(line(info));
            }
            return Cli.OK;
        } catch (GaiException e) {
            spec.commandLine().getErr().println("sockit resolve: " + e.getMessage());
            return Cli.FAILURE;
        }
    }

    private static String line(AddrInfo info) {
        String line = String.format("%-9s %-11s %-12s %-39s %d",
                info.family(), info.type(), info.protocol(), info.address().address(), info.address().port());
        return info.canonName().map(name -> line + " " + name).orElse(line).stripTrailing();
    }

    private Set<AiFlag> flags() {
        Set<AiFlag> flags = EnumSet.noneOf(AiFlag.class);
        if (passive) {
            flags.add(AiFlag.AI_PASSIVE);
        }
        if (canonName) {
            flags.add(AiFlag.AI_CANONNAME);
        }
        if (numericHost) {
            flags.add(AiFlag.AI_NUMERICHOST);
        }
        if (numericService) {
            flags.add(AiFlag.AI_NUMERICSERV);
        }
        if (addrConfig) {
            flags.add(AiFlag.AI_ADDRCONFIG);
        }
        if (v4Mapped) {
            flags.add(AiFlag.AI_V4MAPPED);
        }
        return flags;
    }

    private SocketType socketType() {
        return switch (type) {
            case "stream", "tcp" -> SocketType.SOCK_STREAM;
            case "dgram", "udp" -> SocketType.SOCK_DGRAM;
            case "raw" -> SocketType.SOCK_RAW;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--type \"" + type + "\": unknown socket type (expected: stream, dgram or raw)");
        };
    }
}
