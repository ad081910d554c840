package dev.sockit.cli;

import dev.sockit.addr.AddrInfo;
import dev.sockit.addr.AddrInfoHints;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.Resolver;
import dev.sockit.addr.SocketType;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sockit demo}: a tour of what sockit does, on this machine, in a few seconds. It
 * touches no network: address conversions and a lookup of {@code localhost}.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "A short tour: byte order, glibc's address parsers, inet_pton/inet_ntop and getaddrinfo, on this machine.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws GaiException {
        PrintWriter out = spec.commandLine().getOut();
        section(out, "Byte order: this host is " + (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "little" : "big")
                + "-endian, the network is big-endian");
        call(out, AddrFunction.HTONS, "0x1234");
        call(out, AddrFunction.HTONL, "1");
        call(out, AddrFunction.NTOHS, "0x5000");

        section(out, "inet_aton reads the legacy forms glibc accepts");
        for (String text : List.of("127.0.0.1", "127.1", "10.1.2", "0x7f.1", "0177.0.0.1", "2130706433", "1.65535",
                "08.1.1.1", "1.256.1.1")) {
            call(out, AddrFunction.ATON, text);
        }

        section(out, "inet_network keeps parts where they are; inet_makeaddr, netof, lnaof are classful");
        call(out, AddrFunction.NETWORK, "10.1");
        call(out, AddrFunction.MAKEADDR, "10", "0x020304");
        call(out, AddrFunction.NETOF, "172.16.5.4");
        call(out, AddrFunction.LNAOF, "172.16.5.4");

        section(out, "inet_pton is strict; inet_ntop writes RFC 5952 text");
        call(out, AddrFunction.PTON, "inet", "127.1");
        call(out, AddrFunction.PTON, "inet6", "2001:DB8:0:0:0:0:0:1");
        call(out, AddrFunction.PTON, "inet6", "::FFFF:192.0.2.1");
        call(out, AddrFunction.NTOP, "inet6", "20010db8000000010000000000000001");

        section(out, "getaddrinfo(\"localhost\", \"http\", SOCK_STREAM)");
        for (AddrInfo info : Resolver.getaddrinfo("localhost", "http", AddrInfoHints.ANY.withType(SocketType.SOCK_STREAM))) {
            out.println("  " + info.family() + " " + info.type() + " " + info.protocol() + " " + info.address());
        }
        out.println();
        out.println("Next: 'sockit addr info 127.1', 'sockit resolve localhost', 'sockit help'.");
        return Cli.OK;
    }

    private static void section(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
    }

    private static void call(PrintWriter out, AddrFunction function, String... args) {
        String shown = String.format("  %-32s", function.name + "(" + String.join(", ", args) + ")");
        try {
            out.println(shown + " = " + function.apply(List.of(args)));
        } catch (InvalidInputException e) {
            out.println(shown + " : invalid (" + e.getMessage().substring(e.getMessage().indexOf(": ") + 2) + ")");
        }
    }
}
