package dev.sockit.cli.nc;

import static dev.sockit.cli.nc.Listener.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.SockitProcess;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --allow}, {@code --deny}, {@code --allowfile}, {@code --denyfile}: clients from
 * 127.0.0.1 and 127.0.0.2 (both loopback) told apart; denials logged; allow wins; UDP peers
 * too; unreadable files and invalid blocks are usage errors.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetcatAccessTest {

    @Test
    void allow_servesOnlyTheBlock_deniedLogged() throws Exception {
        try (Listener l = Listener.start("-l", "-k", "--allow", "127.0.0.1/32", "127.0.0.1", "0")) {
            Socket denied = l.connect("127.0.0.2", "127.0.0.1");
            assertThat(Listener.closedByPeer(denied)).isTrue();
            assertThat(l.awaitEvents("denied", 1)).contains("\"addr\":\"127.0.0.2\"").contains("\"reason\":\"not in --allow\"");
            Socket allowed = l.connect("127.0.0.1", "127.0.0.1");
            send(allowed, "welcome\n");
            l.process.awaitStdout(out -> out.equals("welcome\n"));
        }
    }

    @Test
    void deny_refusesTheBlock_allowWinsOverDeny() throws Exception {
        try (Listener l = Listener.start("-l", "-k", "--deny", "127.0.0.0/8", "--allow", "127.0.0.2", "127.0.0.1", "0")) {
            Socket one = l.connect("127.0.0.1", "127.0.0.1");
            assertThat(Listener.closedByPeer(one)).isTrue();
            l.awaitEvents("denied", 1);
            Socket two = l.connect("127.0.0.2", "127.0.0.1");
            send(two, "allowed\n");
            l.process.awaitStdout(out -> out.equals("allowed\n"));
        }
        try (Listener l = Listener.start("-l", "-k", "--deny", "127.0.0.2", "127.0.0.1", "0")) {
            Socket two = l.connect("127.0.0.2", "127.0.0.1");
            assertThat(Listener.closedByPeer(two)).isTrue();
            assertThat(l.awaitEvents("denied", 1)).contains("\"reason\":\"in --deny\"");
            Socket one = l.connect("127.0.0.1", "127.0.0.1");
            send(one, "fine\n");
            l.process.awaitStdout(out -> out.equals("fine\n"));
        }
    }

    @Test
    void files_andNames(@TempDir Path dir) throws Exception {
        Path allow = Files.writeString(dir.resolve("allow"), "# who may come\n\nlocalhost\n127.0.0.2/32\n");
        try (Listener l = Listener.start("-l", "-k", "--allowfile", allow.toString(), "127.0.0.1", "0")) {
            Socket three = l.connect("127.0.0.3", "127.0.0.1");
            assertThat(Listener.closedByPeer(three)).isTrue();
            l.awaitEvents("denied", 1);
            send(l.connect("127.0.0.2", "127.0.0.1"), "two\n");
            send(l.connect("127.0.0.1", "127.0.0.1"), "one\n");
            l.process.awaitStdout(out -> out.contains("two\n") && out.contains("one\n"));
        }
    }

    @Test
    void udpPeers_tooAreDenied() throws Exception {
        try (Listener l = Listener.start("-l", "-u", "-k", "--deny", "127.0.0.2", "127.0.0.1", "0");
                DatagramSocket two = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0));
                DatagramSocket one = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), l.port);
            byte[] denied = "from two\n".getBytes(StandardCharsets.UTF_8);
            two.send(new DatagramPacket(denied, denied.length, to));
            l.awaitEvents("denied", 1);
            byte[] ok = "from one\n".getBytes(StandardCharsets.UTF_8);
            one.send(new DatagramPacket(ok, ok.length, to));
            l.process.awaitStdout(out -> out.contains("from one\n"));
            assertThat(l.process.stdout()).doesNotContain("from two");
        }
    }

    @Test
    void badRules_usageError(@TempDir Path dir) throws Exception {
        for (String[] args : new String[][] {
                {"-l", "--deny", "10.0.0.0/33", "0"}, {"-l", "--allow", "10.1.0.0/8", "0"},
                {"-l", "--denyfile", dir.resolve("missing").toString(), "0"},
                {"-l", "-n", "--allow", "localhost", "0"}}) {
            SockitProcess.Result r = SockitProcess.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.stderr()).isEqualTo(2);
            assertThat(r.stderr().lines().count()).isEqualTo(1);
        }
    }
}
