package dev.sockit.cli;

import dev.sockit.bench.BenchClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sockit bench client HOST [MODE]}: measures against a bench server, or any echo server. */
@Command(name = "client", mixinStandardHelpOptions = true,
        description = {"Measure against a 'sockit bench server'.",
            "With --echo-peer: against any echo server (latency) or any TCP listener (connect, conns).",
            "MODE: throughput (default), latency, connect, conns."})
final class BenchClientCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "The server's name or address.")
    String host;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MODE", description = "throughput, latency, connect or conns.")
    String mode = "throughput";

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "The server's port (default 5301).")
    int port = BenchCommand.DEFAULT_PORT;

    @Option(names = "--echo-peer", description = "The peer is a plain echo server (or any listener): no control connection, no server counts.")
    boolean echoPeer;

    @Mixin
    BenchOptions options;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "-p: " + port + " (expected: 1-65535)");
        }
        BenchRunner runner = new BenchRunner(spec, options);
        return runner.run(runner.mode(mode), new BenchClient.Target(host, port, echoPeer), true);
    }
}
