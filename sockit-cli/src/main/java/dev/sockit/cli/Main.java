package dev.sockit.cli;

/** Entry point of the {@code sockit} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
