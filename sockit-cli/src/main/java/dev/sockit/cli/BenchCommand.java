package dev.sockit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sockit bench}: throughput and latency measurement, an iperf3 that also measures
 * latency. The work is in {@code dev.sockit.bench}; the subcommands parse and print.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure throughput, latency, connection rate and held connections.",
            "Run 'sockit bench server' on one side and 'sockit bench client HOST MODE' on the other, "
                + "or 'sockit bench loopback MODE' for both in one process on 127.0.0.1."
        },
        subcommands = {BenchServerCommand.class, BenchClientCommand.class, BenchLoopbackCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {"  0  measured", "  1  network error, or the server refused the test", "  2  usage error"})
final class BenchCommand implements Callable<Integer> {
    /** The port the server listens on unless told otherwise (iperf3's 5201 plus 100, so both can run). */
    static final int DEFAULT_PORT = 5301;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("sockit: bench: a subcommand is needed: server, client or loopback (see 'sockit bench --help')");
        return Cli.USAGE;
    }
}
