package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {
    /** The usage's command list: Cli adds a subcommand only when a command line can reach it. */
    private static final List<String> COMMANDS = List.of("demo", "bench", "addr", "resolve", "example", "help");

    @Test
    void version_printsVersionAndJava() throws Exception {
        SockitProcess.Result result = SockitProcess.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).matches("sockit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java \\d+.*\\)\n");
    }

    @Test
    void help_listsEveryCommandAndTheExitStatuses() throws Exception {
        SockitProcess.Result result = SockitProcess.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("demo", "bench", "addr", "resolve", "example", "help", "Exit status:", "2  usage error");
    }

    @Test
    void noArguments_printsUsage() throws Exception {
        SockitProcess.Result result = SockitProcess.run();

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("Usage: sockit");
    }

    @Test
    void helpCommand_showsTheCommandsHelp() throws Exception {
        SockitProcess.Result result = SockitProcess.run("help", "addr");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("Usage: sockit addr").contains("inet_aton", "Functions:");
    }

    @Test
    void unknownOption_isAUsageErrorOnOneLine() throws Exception {
        SockitProcess.Result result = SockitProcess.run("--frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("sockit: Unknown option: '--frobnicate' (see 'sockit --help')\n");
    }

    @Test
    void unknownCommand_isAUsageError() throws Exception {
        SockitProcess.Result result = SockitProcess.run("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines()).hasSize(1);
        assertThat(result.stderr()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void optionsAlone_printTheUsageWithEveryCommand() throws Exception {
        SockitProcess.Result result = SockitProcess.run("-v");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("Usage: sockit");
        assertThat(commandsListed(result)).isEqualTo(COMMANDS);
    }

    @Test
    void helpInAShortOptionCluster_listsEveryCommand() throws Exception {
        SockitProcess.Result result = SockitProcess.run("-vh");

        assertThat(result.exitCode()).isZero();
        assertThat(commandsListed(result)).isEqualTo(COMMANDS);
    }

    @Test
    void help_listsTheCommandsInOrder() throws Exception {
        assertThat(commandsListed(SockitProcess.run("--help"))).isEqualTo(COMMANDS);
        assertThat(commandsListed(SockitProcess.run("help"))).isEqualTo(COMMANDS);
    }

    @Test
    void subcommandAfterATopLevelOption_runs() throws Exception {
        SockitProcess.Result result = SockitProcess.run("-4", "addr", "aton", "1.256.1.1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("sockit addr: aton \"1.256.1.1\": inet_aton returns 0 (not an IPv4 address)\n");
    }

    private static List<String> commandsListed(SockitProcess.Result result) {
        return result.lines().stream()
                .dropWhile(line -> !line.equals("Commands:"))
                .filter(line -> line.matches("  [a-z]+ .*"))
                .map(line -> line.trim().split(" ")[0])
                .toList();
    }
}
