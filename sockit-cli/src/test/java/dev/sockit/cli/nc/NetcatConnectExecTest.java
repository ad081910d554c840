package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.SockitProcess;
import dev.sockit.cli.Spawned;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code -e}/{@code -c} in connect mode: the program's stdin and stdout are the socket (TCP,
 * UNIX, UDP), its environment names the connection, its exit ends the session with 0 whatever
 * its own status, a network error gives 1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Execution(ExecutionMode.CONCURRENT)
class NetcatConnectExecTest {
    private static final Duration EXIT = Duration.ofSeconds(20);
    private static final String ENV_SCRIPT =
            "echo \"$SOCKIT_REMOTE_ADDR $SOCKIT_REMOTE_PORT $SOCKIT_LOCAL_ADDR $SOCKIT_LOCAL_PORT $SOCKIT_PROTO\";"
            + " echo \"$NCAT_REMOTE_ADDR $NCAT_REMOTE_PORT $NCAT_LOCAL_ADDR $NCAT_LOCAL_PORT $NCAT_PROTO\"";
    /** Accepts one client, sends argv[2], half-closes, prints what it receives to its end. */
    private static final String PY_SERVER = String.join("\n",
            "import socket, sys",
            "family = socket.AF_UNIX if sys.argv[1].startswith('/') else socket.AF_INET",
            "s = socket.socket(family, socket.SOCK_STREAM)",
            "s.bind(sys.argv[1] if family == socket.AF_UNIX else ('127.0.0.1', int(sys.argv[1])))",
            "s.listen(1)",
            "c, _ = s.accept()",
            "c.sendall(sys.argv[2].encode())",
            "c.shutdown(socket.SHUT_WR)",
            "got = b''",
            "while True:",
            "    d = c.recv(65536)",
            "    if not d: break",
            "    got += d",
            "sys.stdout.write(got.decode()); sys.stdout.flush()");

    @TempDir
    Path temp;

    @Test
    void tcp_shellCommand_trAgainstPython_thePeersFinClosesItsStdin_itsExitEndsTheSession() throws Exception {
        int port = Ports.freeTcp();
        try (Spawned python = Spawned.start(List.of("python3", "-c", PY_SERVER, Integer.toString(port), "hello sockit\n"))) {
            Listening.awaitTcp(port);
            SockitProcess.Result sockit = SockitProcess.run("-v", "-c", "tr a-z A-Z", "127.0.0.1", Integer.toString(port));

            assertThat(sockit.exitCode()).as("sockit stderr: %s", sockit.stderr()).isZero();
            assertThat(sockit.stdout()).isEmpty();
            assertThat(sockit.stderr()).contains("13 bytes sent, 13 bytes received");
            assertThat(python.awaitStdout(out -> out.equals("HELLO SOCKIT\n"))).isEqualTo("HELLO SOCKIT\n");
            assertThat(python.awaitExit(EXIT)).isZero();
        }
    }

    @Test
    void unix_exec_catAgainstPython_echoesBack() throws Exception {
        Path path = temp.resolve("exec.sock");
        try (Spawned python = Spawned.start(List.of("python3", "-c", PY_SERVER, path.toString(), "over unix\n"))) {
            Listening.awaitPath(path);
            SockitProcess.Result sockit = SockitProcess.run("-U", "-e", "/bin/cat", path.toString());

            assertThat(sockit.exitCode()).as("sockit stderr: %s", sockit.stderr()).isZero();
            assertThat(python.awaitStdout(out -> out.equals("over unix\n"))).isEqualTo("over unix\n");
        }
    }

    @Test
    void tcp_environmentNamesTheConnection_andTheProgramsExitStatusIsNotSockits() throws Exception {
        try (TestServer server = TestServer.start();
                Spawned sockit = Spawned.sockit("-c", ENV_SCRIPT + "; exit 3", "127.0.0.1", server.portText())) {
            Socket client = server.accept();
            String expected = "127.0.0.1 " + server.port() + " 127.0.0.1 " + client.getPort() + " TCP\n";
            assertThat(server.readTextToEof()).isEqualTo(expected + expected);
            assertThat(sockit.awaitExit(EXIT)).isZero();
        }
    }

    @Test
    void udp_programTalksFirst_theReplyReachesIt_environmentSaysUdp() throws Exception {
        try (UdpPeer peer = UdpPeer.start();
                Spawned sockit = Spawned.sockit("-u", "-c", "echo \"hi $SOCKIT_PROTO\"; read line; echo \"got $line\"",
                        "127.0.0.1", peer.portText())) {
            assertThat(peer.receive()).isEqualTo("hi UDP\n");
            peer.reply("there\n");
            assertThat(peer.receive()).isEqualTo("got there\n");
            assertThat(sockit.awaitExit(EXIT)).isZero();
        }
    }

    @Test
    void tcp_peerResets_exit1_andTheProgramIsEnded() throws Exception {
        try (TestServer server = TestServer.start();
                Spawned sockit = Spawned.sockit("-c", "echo ready; exec sleep 30", "127.0.0.1", server.portText())) {
            server.accept();
            assertThat(new String(server.readExactly(6))).isEqualTo("ready\n");
            server.reset();

            assertThat(sockit.awaitExit(EXIT)).isEqualTo(1);
            assertThat(sockit.stderr()).contains("ECONNRESET");
        }
    }

    @Test
    void programThatCannotStart_exit1NamingIt() throws Exception {
        try (TestServer server = TestServer.start();
                Spawned sockit = Spawned.sockit("-e", "/nonexistent/program", "127.0.0.1", server.portText())) {
            server.accept();
            assertThat(sockit.awaitExit(EXIT)).isEqualTo(1);
            assertThat(sockit.stderr()).contains("sockit: cannot run /nonexistent/program");
        }
    }
}
