package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --trace}: every socket call of the command, in strace's syntax, on stderr. */
class TraceOptionTest {

    @Test
    void trace_refusedConnect_showsEachCallAndTheErrno() throws Exception {
        int closed = LecturePrograms.freeTcpPort();

        SockitProcess.Result result = SockitProcess.run("--trace", "example", "tcp-client", "127.0.0.1", Integer.toString(closed));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines()).anySatisfy(line -> assertThat(line).matches("socket\\(AF_INET, SOCK_STREAM, IPPROTO_IP\\) = \\d+"));
        assertThat(result.stderr().lines()).anySatisfy(line -> assertThat(line).matches(
                "connect\\(\\d+, \\{sa_family=AF_INET, sin_port=htons\\(" + closed
                        + "\\), sin_addr=inet_addr\\(\"127.0.0.1\"\\)\\}, 16\\) = -1 ECONNREFUSED \\(Connection refused\\)"));
        assertThat(result.stderr().lines()).contains("ERROR connecting: Connection refused");
        assertThat(result.stderr().lines().toList().getLast()).matches("close\\(\\d+\\) = 0");
    }

    @Test
    void noTrace_printsNoCalls() throws Exception {
        int closed = LecturePrograms.freeTcpPort();

        SockitProcess.Result result = SockitProcess.run("example", "tcp-client", "127.0.0.1", Integer.toString(closed));

        assertThat(result.stderr()).isEqualTo("ERROR connecting: Connection refused\n");
    }
}
