package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link DemoStage}: whole lines after the writer's role, and one-line failures naming the program. */
class DemoStageTest {
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final DemoStage stage = new DemoStage(new PrintStream(console, true, StandardCharsets.UTF_8));

    @Test
    void lines_showTheWritersRole_andTheStagesThreadsAsTheyAre() throws Exception {
        DemoStage.Role server = stage.role("server");

        stage.out().println("== a heading");
        server.call("server", WITHIN, () -> {
            stage.out().println("socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3");
            server.out().println("Here is the message");
            server.out().println();
            return null;
        });
        stage.close();

        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(
                "== a heading\n"
                        + "server   | socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3\n"
                        + "server   | Here is the message\n"
                        + "server   |\n");
    }

    @Test
    void aProgramsUnfinishedLine_isNotRunIntoByTheTraceOfItsThread_andIsShownWhenItEnds() throws Exception {
        DemoStage.Run client = stage.role("client").start("tcp-client", (args, in, out, err) -> {
            out.print("Please enter the message: ");
            out.flush();
            stage.out().println("send(3, \"hi\\n\", 3, 0) = 3");
            out.print("no newline at the end");
            return 0;
        }, "");
        client.awaitSuccess(WITHIN);
        stage.close();

        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo(
                "client   | send(3, \"hi\\n\", 3, 0) = 3\n"
                        + "client   | Please enter the message: no newline at the end\n");
    }

    @Test
    void linesOfSeveralThreads_neverMix() throws Exception {
        int lines = 200;
        CountDownLatch go = new CountDownLatch(1);
        DemoStage.Run one = stage.role("one").start("one", (args, in, out, err) -> write(go, out, 'a', lines), "");
        DemoStage.Run two = stage.role("two").start("two", (args, in, out, err) -> write(go, out, 'b', lines), "");
        go.countDown();
        one.awaitSuccess(WITHIN);
        two.awaitSuccess(WITHIN);
        stage.close();

        assertThat(console.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2 * lines)
                .allMatch(line -> line.equals("one      | " + "a".repeat(40)) || line.equals("two      | " + "b".repeat(40)));
    }

    @Test
    void aLineTooLong_isShownInBoundedPieces() throws Exception {
        stage.role("server").start("x", (args, in, out, err) -> {
            out.print("x".repeat(10_000) + "\n");
            return 0;
        }, "").awaitSuccess(WITHIN);
        stage.close();

        assertThat(console.toString(StandardCharsets.UTF_8).lines()).hasSize(3)
                .allMatch(line -> line.length() <= "server   | ".length() + 4096);
    }

    @Test
    void awaitSuccess_failsWithTheFirstLineOfStderr_orTheStatus() {
        DemoStage.Run refused = stage.role("client").start("tcp-client", (args, in, out, err) -> {
            err.print("ERROR connecting: Connection refused\nmore\n");
            return 0;
        }, "");
        DemoStage.Run failed = stage.role("server").start("udp-server", (args, in, out, err) -> 3, "");

        assertThatThrownBy(() -> refused.awaitSuccess(WITHIN)).isInstanceOf(DemoStage.Failure.class)
                .hasMessage("tcp-client: ERROR connecting: Connection refused");
        assertThatThrownBy(() -> failed.awaitSuccess(WITHIN)).isInstanceOf(DemoStage.Failure.class)
                .hasMessage("udp-server: exit status 3");
        stage.close();
    }

    @Test
    void close_interruptsWhatStillRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        DemoStage.Run waiting = stage.role("server").start("tcp-server", (args, in, out, err) -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
                return 0;
            } catch (InterruptedException e) {
                return 1;
            }
        }, "");
        assertThat(started.await(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        stage.close();

        assertThat(waiting.ended(Duration.ZERO)).isTrue();
        assertThat(waiting.status().get()).isEqualTo(1);
    }

    private static int write(CountDownLatch go, PrintStream out, char c, int lines) {
        try {
            go.await();
        } catch (InterruptedException e) {
            return 1;
        }
        for (int i = 0; i < lines; i++) {
            for (int j = 0; j < 40; j++) {
                out.print(c);
            }
            out.print('\n');
        }
        return 0;
    }
}
