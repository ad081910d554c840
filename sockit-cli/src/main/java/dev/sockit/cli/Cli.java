package dev.sockit.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Builds the {@code sockit} command line and runs it.
 *
 * <p>Exit statuses: {@value #OK} success, {@value #FAILURE} failure, {@value #USAGE} usage
 * error. A failure prints one line, {@code sockit: <what failed>: <why>}, never a stack trace.
 */
public final class Cli {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command could not do it: invalid input, a network or resolver error. */
    public static final int FAILURE = 1;
    /** The command line itself is wrong: unknown option, missing argument. */
    public static final int USAGE = 2;

    private Cli() {
    }

    /** Runs {@code sockit} with {@code args} on the process's standard streams; returns the exit status. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine();
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        commandLine.setOut(out);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
        }
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SockitCommand());
        dev.sockit.cli.nc.NetcatHelp.install(commandLine);
        // Arguments are taken as given, as a C program's argv: picocli would replace "@FILE" by
        // FILE's words, and 'sockit example udp-client HOST PORT @all' must send "@all".
        commandLine.setExpandAtFiles(false);
        commandLine.setExitCodeExceptionMapper(error -> FAILURE);
        commandLine.setParameterExceptionHandler((error, args) -> {
            CommandLine cmd = error.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("sockit: " + oneLine(error) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("sockit: " + oneLine(error));
            err.flush();
            return FAILURE;
        });
        return commandLine;
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
