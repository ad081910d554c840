package dev.sockit.cli;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.bench.BenchClient;
import dev.sockit.bench.BenchServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sockit bench loopback [MODE]}: a server on a free port of 127.0.0.1 and a client, in one process. */
@Command(name = "loopback", mixinStandardHelpOptions = true,
        description = {"Server and client in one process on 127.0.0.1 (a free port): a quick local measurement.",
            "MODE: throughput (default), latency, connect, conns."})
final class BenchLoopbackCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODE", description = "throughput, latency, connect or conns.")
    String mode = "throughput";

    @Mixin
    BenchOptions options;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BenchRunner runner = new BenchRunner(spec, options);
        var m = runner.mode(mode);
        Duration longest = options.time.plus(options.warmup).plusSeconds(60);
        BenchServer.Config config = new BenchServer.Config(InetSockAddr.parse("127.0.0.1:0"), 1, longest, 200_000, 1);
        try (BenchServer server = BenchServer.start(config, line -> { })) {
            return runner.run(m, new BenchClient.Target("127.0.0.1", server.localAddress().port(), false), false);
        }
    }
}
