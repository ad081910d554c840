package dev.sockit.cli;

import java.util.Arrays;

/** Entry point of the {@code sockit} command: runs it and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--trace")) {
            // Before any socket class loads: the trace is fixed when dev.sockit.net.Trace initialises.
            System.setProperty("sockit.trace", "stderr");
        }
        System.exit(Cli.run(args));
    }
}
