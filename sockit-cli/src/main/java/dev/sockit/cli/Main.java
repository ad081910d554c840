package dev.sockit.cli;

/** Entry point of the {@code sockit} command: runs it and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
