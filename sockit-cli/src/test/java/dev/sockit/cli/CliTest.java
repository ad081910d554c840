package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliTest {

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
        assertThat(result.stdout()).contains("demo", "addr", "resolve", "example", "help", "Exit status:", "2  usage error");
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
}
