package dev.sockit.cli;

import dev.sockit.bench.BenchClient;
import dev.sockit.bench.BenchListener;
import dev.sockit.bench.BenchResult;
import dev.sockit.bench.CpuAffinity;
import dev.sockit.bench.HtmlReport;
import dev.sockit.bench.TestSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Runs one client measurement for a bench subcommand: checks, warns, pins, prints, reports. */
final class BenchRunner {
    private final CommandSpec command;
    private final BenchOptions options;

    BenchRunner(CommandSpec command, BenchOptions options) {
        this.command = command;
        this.options = options;
    }

    /** {@code MODE} read; a {@link ParameterException} (exit 2) if it is none of the four. */
    TestSpec.Mode mode(String text) {
        try {
            return TestSpec.Mode.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "MODE: \"" + text + "\" (expected: throughput, latency, connect or conns)");
        }
    }

    /**
     * Measures; returns the exit status.
     * @param warnShared whether to look for a loopback server sharing the client's CPUs
     */
    int run(TestSpec.Mode mode, BenchClient.Target target, boolean warnShared) throws InterruptedException {
        TestSpec spec;
        try {
            spec = options.spec(mode);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        BenchJson json = options.json ? new BenchJson(out, Clock.systemUTC()) : null;
        try {
            if (options.pin.isPresent()) {
                CpuAffinity.pin(options.pin.get());
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        } catch (IOException e) {
            return fail(err, json, e.getMessage());
        }
        warning(spec, target, warnShared).ifPresent(w -> {
            err.println("sockit: warning: " + w);
            err.flush();
        });
        BenchListener listener = json != null ? json : new BenchText(out);
        try {
            BenchResult result = BenchClient.run(target, spec, options.interval, listener);
            if (options.report != null) {
                HtmlReport.write(options.report, result);
            }
            return Cli.OK;
        } catch (IOException | RuntimeException e) {
            return fail(err, json, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static int fail(PrintWriter err, BenchJson json, String message) {
        if (json != null) {
            json.error(message);
        }
        err.println("sockit: " + message);
        err.flush();
        return Cli.FAILURE;
    }

    private static Optional<String> warning(TestSpec spec, BenchClient.Target target, boolean lookForServer) {
        int threads = switch (spec.mode()) {
            case THROUGHPUT -> spec.forwardStreams() + spec.reverseStreams();
            case LATENCY -> Math.min(spec.streams(), spec.connections());
            case CONNECT -> Math.min(spec.connections(), 64);
            case CONNS -> 1;
        };
        int port = lookForServer && isLoopback(target.host()) ? target.port() : -1;
        return CpuAffinity.sharingWarning(port, threads);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
