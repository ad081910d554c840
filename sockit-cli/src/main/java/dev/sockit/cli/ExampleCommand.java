package dev.sockit.cli;

import dev.sockit.examples.PollServer;
import dev.sockit.examples.SelectServer;
import dev.sockit.examples.TcpClient;
import dev.sockit.examples.TcpServer;
import dev.sockit.examples.UdpClient;
import dev.sockit.examples.UdpConnect;
import dev.sockit.examples.UdpServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sockit example NAME ARGS...}: runs one of the lecture's socket programs, written
 * with sockit ({@code dev.sockit.examples}), as its C original would run with ARGS; and the
 * lecture's multi-client servers, {@code select-server} and {@code poll-server}, which have no C
 * original here.
 *
 * <p>Everything after NAME is the program's own, options too: {@code sockit example
 * udp-client localhost -9 m} gives the program's usage message, not sockit's. The program
 * gets the process's byte streams (its output is bytes, as C's is, not picocli's text), and
 * its exit status is sockit's.
 *
 * <p>To add a program, add a line to {@link #EXAMPLES}; {@code --list} and the help show it.
 */
@Command(
        name = "example",
        mixinStandardHelpOptions = true,
        description = {
            "Run one of the lecture's socket programs, written with sockit: NAME with the program's own ARGS.",
            "The lecture's five behave as their C originals: the same output, byte for byte, the same error texts and"
                    + " exit statuses. select-server and poll-server answer its \"a server usually supports several"
                    + " clients\": one thread, many clients."
        },
        modelTransformer = ExampleCommand.Table.class)
final class ExampleCommand implements Callable<Integer> {
    /** A program's C {@code main}: {@code argv[1..]} and the standard streams in, the exit status out. */
    @FunctionalInterface
    interface Program {
        int run(String[] args, InputStream in, PrintStream out, PrintStream err);
    }

    /**
     * One program: its name, its arguments, one line about it (keep the line short: the table
     * is in the help, which picocli wraps at 80 columns), and its {@code main}.
     */
    record Example(String name, String arguments, String summary, Program program) {
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("tcp-server", "PORT", "serve one client once, answer it", TcpServer::run),
            new Example("tcp-client", "HOST PORT", "send a line of stdin, print reply", TcpClient::run),
            new Example("udp-server", "PORT [COUNT]", "echo datagrams after \"ACK: \"", UdpServer::run),
            new Example("udp-client", "HOST PORT MESSAGE", "send a datagram, print the reply", UdpClient::run),
            new Example("udp-connect", "HOST PORT1 PORT2 MESSAGE", "one connected socket, two servers", UdpConnect::run),
            new Example("select-server", "PORT [COUNT]", "echo clients in one thread: select", SelectServer::run),
            new Example("poll-server", "PORT [COUNT]", "the same with poll", PollServer::run));

    @Spec
    private CommandSpec spec;

    @Option(names = "--list", description = "List the programs, one per line, and exit.")
    private boolean list;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The program (see below).")
    private String name;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The program's arguments, as it reads them.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        if (list) {
            table().forEach(spec.commandLine().getOut()::println);
            return Cli.OK;
        }
        if (name == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'NAME'");
        }
        Example example = EXAMPLES.stream()
                .filter(candidate -> candidate.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "Unknown example: '" + name + "' (expected: "
                        + EXAMPLES.stream().map(Example::name).collect(Collectors.joining(", ")) + ")"));
        spec.commandLine().getOut().flush();
        try {
            return example.program().run(args.toArray(String[]::new), System.in, System.out, System.err);
        } finally {
            System.out.flush();
            System.err.flush();
        }
    }

    /** The programs, one line each: name, arguments, summary, in columns. */
    static List<String> table() {
        int names = EXAMPLES.stream().mapToInt(example -> example.name().length()).max().orElse(0);
        int arguments = EXAMPLES.stream().mapToInt(example -> example.arguments().length()).max().orElse(0);
        String format = "  %-" + names + "s  %-" + arguments + "s  %s";
        return EXAMPLES.stream()
                .map(example -> String.format(format, example.name(), example.arguments(), example.summary()))
                .toList();
    }

    /**
     * Puts the table in the help, and hands every argument after NAME to the program as it
     * is (picocli would read {@code -9} or {@code --help} there as its own options).
     */
    static final class Table implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            command.usageMessage().footerHeading("%nPrograms:%n");
            command.usageMessage().footer(Stream.concat(table().stream(), Stream.of(
                    "",
                    "Exit status:",
                    "  the program's, as its C original's header comment says",
                    "  2  usage error: no NAME, or an unknown one"))
                    .toArray(String[]::new));
            command.parser().stopAtPositional(true);
            return command;
        }
    }
}
