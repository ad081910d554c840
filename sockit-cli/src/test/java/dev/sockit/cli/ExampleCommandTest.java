package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sockit example}: the table, and sockit's own usage errors (the programs: {@link LectureInteropTest}). */
class ExampleCommandTest {
    private static final String[] NAMES = {"tcp-server", "tcp-client", "udp-server", "udp-client", "udp-connect",
        "select-server", "poll-server"};

    @Test
    void list_printsOneLinePerProgramAndExitsZero() throws Exception {
        SockitProcess.Result result = SockitProcess.run("example", "--list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).hasSize(NAMES.length);
        for (int i = 0; i < NAMES.length; i++) {
            assertThat(result.lines().get(i)).startsWith("  " + NAMES[i] + " ");
        }
        assertThat(result.lines().get(4)).contains("HOST PORT1 PORT2 MESSAGE");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void helpExample_listsThePrograms() throws Exception {
        SockitProcess.Result result = SockitProcess.run("help", "example");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("Usage: sockit example").contains("Programs:").contains(NAMES);
        assertThat(result.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void unknownName_isAUsageErrorOnOneLine() throws Exception {
        SockitProcess.Result result = SockitProcess.run("example", "tcp-sever", "9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("sockit: Unknown example: 'tcp-sever' (expected: tcp-server, tcp-client, "
                + "udp-server, udp-client, udp-connect, select-server, poll-server) (see 'sockit example --help')\n");
    }

    @Test
    void noName_isAUsageError() throws Exception {
        SockitProcess.Result result = SockitProcess.run("example");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("sockit: Missing required parameter: 'NAME' (see 'sockit example --help')\n");
    }

    @Test
    void argumentsAfterName_areTheProgramsEvenWhenTheyLookLikeOptions() throws Exception {
        SockitProcess.Result result = SockitProcess.run("example", "tcp-client", "--help");

        assertThat(result.exitCode()).as("the C client's status for a usage error").isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("usage sockit example tcp-client hostname port\n");
    }

    @Test
    void atFileArgument_reachesTheProgramAsIs(@TempDir Path temp) throws Exception {
        Path words = Files.writeString(temp.resolve("words"), "127.0.0.1 9\n");

        SockitProcess.Result result = SockitProcess.run("example", "tcp-client", "@" + words);

        assertThat(result.stderr()).as("one argument, as C's argv has it: the usage").isEqualTo("usage sockit example tcp-client hostname port\n");
    }
}
