package dev.sockit.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Entry point of the {@code sockit} command: runs it and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code sockit} with {@code args}; returns the exit status. */
    static int run(String... args) {
        // Before any socket class loads: the trace is fixed when dev.sockit.net.Trace initialises.
        traceDestination(args).ifPresent(where -> System.setProperty("sockit.trace", where));
        return Cli.run(args);
    }

    /**
     * Where the call trace goes for {@code args}: stdout for {@code sockit demo} (so the trace
     * and the programs' lines come in one stream, in order) unless {@code --no-trace}; stderr
     * for any command with {@code --trace}; else nowhere.
     */
    static Optional<String> traceDestination(String... args) {
        List<String> words = Arrays.asList(args);
        String command = words.stream().filter(word -> !word.startsWith("-")).findFirst().orElse("");
        if (command.equals("demo")) {
            return words.contains("--no-trace") ? Optional.empty() : Optional.of("stdout");
        }
        return words.contains("--trace") ? Optional.of("stderr") : Optional.empty();
    }
}
