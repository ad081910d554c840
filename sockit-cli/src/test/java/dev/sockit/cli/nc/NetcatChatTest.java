package dev.sockit.cli.nc;

import static dev.sockit.cli.nc.Listener.readUntil;
import static dev.sockit.cli.nc.Listener.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --chat}: ncat's user prefixes, join and leave announcements, escaped control characters, bounded lines. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetcatChatTest {

    @Test
    void fiveUsers_prefixedLines_announcements_controlCharactersEscaped() throws Exception {
        try (Listener l = Listener.start("-l", "--chat", "127.0.0.1", "0")) {
            List<Socket> users = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                users.add(l.connect());
                l.awaitEvents("accepted", i);
                readUntil(users.get(i - 1), "<announce> 127.0.0.1 is connected as <user" + i + ">.\n");
            }
            assertThat(readUntil(users.get(0), "is connected as <user5>.\n"))
                    .contains("<announce> 127.0.0.1 is connected as <user2>.\n");
            send(users.get(0), "hello\u0001\u001b[31m there\r\n");
            for (int i = 1; i < 5; i++) {
                assertThat(readUntil(users.get(i), "<user1> hello\\001\\033[31m there\\015\n")).isNotEmpty();
            }
            send(users.get(2), "half a ");
            send(users.get(2), "line\n");
            assertThat(readUntil(users.get(4), "<user3> half a line\n")).isNotEmpty();
            users.get(1).close();
            for (int i : new int[] {0, 2, 3, 4}) {
                readUntil(users.get(i), "<announce> <user2> is disconnected.\n");
            }
        }
    }

    @Test
    void newcomer_hearsWhoIsAlreadyThere() throws Exception {
        try (Listener l = Listener.start("-l", "--chat", "127.0.0.1", "0")) {
            Socket first = l.connect();
            readUntil(first, "as <user1>.\n");
            Socket second = l.connect();
            assertThat(readUntil(second, "already connected: 127.0.0.1 as <user1>.\n"))
                    .startsWith("<announce> 127.0.0.1 is connected as <user2>.\n");
        }
    }

    @Test
    void longLine_isSplitAtTheBound() throws Exception {
        try (Listener l = Listener.start("-l", "--chat", "127.0.0.1", "0")) {
            Socket a = l.connect();
            Socket b = l.connect();
            l.awaitEvents("accepted", 2);
            send(a, "x".repeat(16 * 1024 + 10) + "\n");
            String got = readUntil(b, "<user1> xxxxxxxxxx\n");
            assertThat(got).contains("<user1> " + "x".repeat(16 * 1024) + "\n");
        }
    }

    @Test
    void console_takesPartAsUser0() throws Exception {
        try (Listener l = Listener.start("-l", "--chat", "--broker-console", "127.0.0.1", "0")) {
            Socket a = l.connect();
            l.awaitEvents("accepted", 1);
            l.process.awaitStdout(out -> out.contains("<announce> 127.0.0.1 is connected as <user1>.\n"));
            send(a, "hi console\n");
            l.process.awaitStdout(out -> out.contains("<user1> hi console\n"));
            l.process.write("hi user1\n");
            readUntil(a, "<user0> hi user1\n");
        }
    }
}
