package dev.sockit.cli;

import dev.sockit.cli.nc.EventLog;
import dev.sockit.cli.nc.Netcat;
import dev.sockit.cli.nc.NetcatOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code sockit} command: the netcat ({@code sockit [options] HOST PORT},
 * {@code sockit -l [options] [HOST] [PORT]}) and the subcommands; with nothing to do it prints
 * its usage.
 */
@Command(
        name = "sockit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The BSD socket API and a netcat-class network toolkit for the JVM.",
        customSynopsis = {
            "sockit [options] HOST PORT          connect (TCP; -u: UDP)",
            "       sockit -U [options] PATH            connect to a UNIX stream socket",
            "       sockit -l [options] [HOST] [PORT]   listen",
            "       sockit -z [options] HOST PORT...    scan: ports, 20-30, 80,443",
            "       sockit COMMAND [ARGS]               demo, addr, resolve, example, help",
            ""
        },
        commandListHeading = "%nCommands:%n",
        subcommands = {DemoCommand.class, AddrCommand.class, ResolveCommand.class, ExampleCommand.class, HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  success",
            "  1  failure (invalid input, network or resolver error; -z: a port not open)",
            "  2  usage error",
            "  3  netcat: connect timeout (-w; --wait-for-port or --retry gave up)",
            "  4  netcat: idle timeout (-i)"
        })
final class SockitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--trace", scope = ScopeType.INHERIT,
            description = "Print every socket call and its result in strace's syntax, to stderr (sockit demo: on by default, to stdout).")
    private boolean trace;

    @Mixin
    private NetcatOptions netcat;

    @Parameters(paramLabel = "HOST PORT", arity = "0..*", description = "Where to connect (with -l: what to bind; with -z: ports, ranges, lists; with -U: a socket path).")
    private List<String> operands = new ArrayList<>();

    @Override
    public Integer call() {
        if (operands.isEmpty() && !netcat.listening()) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return Cli.OK;
        }
        EventLog events = new EventLog(System.err, netcat.verbosity(), netcat.json(), Clock.systemUTC());
        return Netcat.run(netcat, List.copyOf(operands), events);
    }
}
