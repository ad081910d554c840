package dev.sockit.cli;

import dev.sockit.cli.nc.NetcatHelp;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

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

    /**
     * The subcommands, in the order the usage lists them. Picocli builds a command's model by
     * reflection when the command is added (~27 ms for these without the AOT cache), so {@link #run} adds
     * only those a command line names (see {@link #reachableSubcommands}); {@link #newSubcommand}
     * makes them (a switch, not a table of constructor references: a command not named is not
     * even loaded).
     */
    static final Set<String> SUBCOMMANDS = Collections.unmodifiableSet(
            new LinkedHashSet<>(List.of("demo", "bench", "addr", "resolve", "example", "help")));

    private Cli() {
    }

    private static Object newSubcommand(String name) {
        return switch (name) {
            case "demo" -> new DemoCommand();
            case "bench" -> new BenchCommand();
            case "addr" -> new AddrCommand();
            case "resolve" -> new ResolveCommand();
            case "example" -> new ExampleCommand();
            case "help" -> new HelpCommand();
            default -> throw new IllegalArgumentException("subcommand: " + name + " (expected: one of " + SUBCOMMANDS + ")");
        };
    }

    /** Runs {@code sockit} with {@code args} on the process's standard streams; returns the exit status. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine(reachableSubcommands(args));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        commandLine.setOut(out);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
        }
    }

    /** The command line with the subcommands {@code names}; picocli applies the settings below to those present only. */
    static CommandLine commandLine(Set<String> names) {
        CommandLine commandLine = new CommandLine(new SockitCommand());
        addSubcommands(commandLine, names);
        NetcatHelp.install(commandLine);
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

    /**
     * The subcommands {@code args} can reach: those it names, wherever (a word that is an option's
     * value too: adding a subcommand picocli will not dispatch to changes nothing), and all of
     * them when the top-level usage may be printed ({@code help}, {@code -h}, {@code --help}, a
     * cluster of short options with {@code h}, or no arguments; {@link SockitCommand} adds them
     * itself before it prints its usage for options alone). Parsing is then what it would be
     * with every subcommand added.
     */
    static Set<String> reachableSubcommands(String... args) {
        if (args.length == 0) {
            return SUBCOMMANDS;
        }
        Set<String> named = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.equals("help") || arg.startsWith("--help") || (arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0)) {
                return SUBCOMMANDS;
            }
            if (SUBCOMMANDS.contains(arg)) {
                named.add(arg);
            }
        }
        return named;
    }

    /** Adds the subcommands {@code names} that {@code commandLine} does not have yet, in the usage's order. */
    static void addSubcommands(CommandLine commandLine, Set<String> names) {
        for (String name : SUBCOMMANDS) {
            if (names.contains(name) && !commandLine.getSubcommands().containsKey(name)) {
                // A CommandLine made here, not by addSubcommand: only then does picocli apply the
                // command's modelTransformer (ExampleCommand's table and parser settings).
                commandLine.addSubcommand(name, new CommandLine(newSubcommand(name)));
            }
        }
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
