package dev.sockit.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code sockit} command: with no subcommand it prints its usage. */
@Command(
        name = "sockit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The BSD socket API and a netcat-class network toolkit for the JVM.",
        subcommands = {DemoCommand.class, AddrCommand.class, ResolveCommand.class, ExampleCommand.class, HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  success",
            "  1  failure (invalid input, network or resolver error)",
            "  2  usage error"
        })
final class SockitCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--trace", scope = ScopeType.INHERIT,
            description = "Print every socket call and its result in strace's syntax, to stderr (sockit demo: on by default, to stdout).")
    private boolean trace;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
