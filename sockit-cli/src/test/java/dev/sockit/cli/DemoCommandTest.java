package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code sockit demo}, as a process: every step's programs print what they print, in order, in
 * a few seconds, exit 0. The tests hold with the call trace printing lines and without: they
 * look at the programs' lines only, and at the form of every line.
 */
class DemoCommandTest {
    private static final Duration FEW_SECONDS = Duration.ofSeconds(15);
    private static final List<String> HEADINGS = List.of(
            "== 1. TCP: server and client",
            "== 2. UDP: server and client",
            "== 3. UDP: connect() changes the default receiver",
            "== 4. select(): one thread, several clients");
    /** A line a role printed: the role in its column, then " | ". */
    private static final Pattern ROLE_LINE = Pattern.compile("(server|server \\d|client|client \\d) +\\|( .*)?");
    /** A line of the select step's server or clients, the trace's left out. */
    private static final Pattern SELECT_LINE = Pattern.compile(
            "(server|client \\d) +\\| (Listening on|New connection from|Echoed|Connection from|sent \"|close\\(\\)$|close\\(\\) with).*");
    /** A traced call, as strace writes it: {@code name(args) = result}. */
    private static final Pattern TRACED_CALL = Pattern.compile(".*\\| [a-z_]+\\(.*\\) = .*");

    @Test
    void demo_runsEveryStepOnLoopback_inAFewSeconds_andExitsZero() throws Exception {
        long start = System.nanoTime();
        SockitProcess.Result result = SockitProcess.run("demo");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(took).as("the whole process, JVM start included").isLessThan(FEW_SECONDS);
        assertThat(result.lines()).filteredOn(line -> line.startsWith("== ")).containsExactlyElementsOf(HEADINGS);

        String out = result.stdout();
        assertThat(out)
                .containsPattern("(?m)^\\$ sockit example tcp-server \\d+ &$")
                .contains("\nserver   | Here is the message: hello, server\nserver   |\n")
                .contains("\nclient   | Please enter the message: I got your message\n")
                .containsPattern("(?m)^server   \\| Received 10 bytes from 127\\.0\\.0\\.1:\\d+: hello, UDP$")
                .containsPattern("(?m)^client   \\| Reply from 127\\.0\\.0\\.1:\\d+: ACK: hello again$");
        assertThat(out).as("connect() changes the receiver, not the sender: one client port for both servers")
                .containsPattern("(?m)^server 1 \\| Received 13 bytes from 127\\.0\\.0\\.1:(\\d+): who is there\\?\n"
                        + "(?s:.*)^server 2 \\| Received 13 bytes from 127\\.0\\.0\\.1:\\1: who is there\\?$");
    }

    @Test
    void demo_selectStep_showsEachMoveInTheOrderItHappens() throws Exception {
        SockitProcess.Result result = SockitProcess.run("demo");

        List<String> select = result.lines().stream()
                .dropWhile(line -> !line.equals(HEADINGS.get(3)))
                .filter(line -> SELECT_LINE.matcher(line).matches())
                .map(line -> line.replaceAll("\\d{2,}", "N"))
                .toList();
        assertThat(select).containsExactly(
                "server   | Listening on 0.0.0.0:N",
                "server   | New connection from N.0.0.1:N",
                "server   | New connection from N.0.0.1:N",
                "server   | Echoed N bytes to N.0.0.1:N",
                "client 1 | sent \"hello from 1\\n\", got back \"hello from 1\\n\"",
                "server   | Echoed N bytes to N.0.0.1:N",
                "client 2 | sent \"hello from 2\\n\", got back \"hello from 2\\n\"",
                "server   | New connection from N.0.0.1:N",
                "server   | Echoed N bytes to N.0.0.1:N",
                "client 3 | sent \"hello from 3\\n\", got back \"hello from 3\\n\"",
                "client 2 | close()",
                "server   | Connection from N.0.0.1:N closed",
                "client 3 | close() with SO_LINGER 0: the server gets a reset",
                "server   | Connection from N.0.0.1:N lost: Connection reset by peer",
                "server   | Echoed N bytes to N.0.0.1:N",
                "client 1 | sent \"still here\\n\", got back \"still here\\n\"",
                "client 1 | close()",
                "server   | Connection from N.0.0.1:N closed");
    }

    @Test
    void demo_everyLineIsTheDemosOwnOrARolesLine() throws Exception {
        SockitProcess.Result result = SockitProcess.run("demo");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> lines = result.lines();
        int introduction = lines.indexOf("");
        assertThat(introduction).as("the introduction ends with an empty line").isBetween(2, 3);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean explanation = i < introduction || i == lines.size() - 1 || i > 0 && lines.get(i - 1).startsWith("== ");
            assertThat(line.isEmpty() || explanation || line.startsWith("== ") || line.startsWith("$ ")
                    || line.startsWith("(port ") || ROLE_LINE.matcher(line).matches())
                    .as("line %d, \"%s\": a trace line or a program's line must show its role", i + 1, line)
                    .isTrue();
        }
    }

    @Test
    void demoNoTrace_printsNoSocketCall() throws Exception {
        SockitProcess.Result result = SockitProcess.run("demo", "--no-trace");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.lines()).filteredOn(line -> line.startsWith("== ")).containsExactlyElementsOf(HEADINGS);
        assertThat(result.lines()).noneMatch(line -> TRACED_CALL.matcher(line).matches());
        assertThat(result.stdout()).doesNotContain("The call trace is on");
    }

    @Test
    void main_tracesTheDemoOnStdout_andOtherCommandsOnStderrWhenAsked() {
        assertThat(Main.traceDestination("demo")).contains("stdout");
        assertThat(Main.traceDestination("--trace", "demo")).contains("stdout");
        assertThat(Main.traceDestination("demo", "--no-trace")).isEqualTo(Optional.empty());
        assertThat(Main.traceDestination("--trace", "example", "tcp-client", "localhost", "9")).contains("stderr");
        assertThat(Main.traceDestination("example", "tcp-client", "localhost", "9")).isEmpty();
        assertThat(Main.traceDestination("help", "demo")).isEmpty();
        assertThat(Main.traceDestination()).isEmpty();
    }
}
