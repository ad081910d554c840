package dev.sockit.cli.nc;

import static dev.sockit.cli.nc.Listener.readUntil;
import static dev.sockit.cli.nc.Listener.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.cli.Spawned;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --broker}: each client's data to all the others, with many clients, real peers among them, and the console. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NetcatBrokerTest {

    @Test
    void eightClients_eachHearsEveryOtherNeverItself() throws Exception {
        try (Listener l = Listener.start("-l", "--broker", "127.0.0.1", "0")) {
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clients.add(l.connect());
            }
            l.awaitEvents("accepted", 8);
            for (int i = 0; i < 8; i++) {
                send(clients.get(i), "m" + i + "\n");
            }
            for (int i = 0; i < 8; i++) {
                String heard = readUntil(clients.get(i), got -> Listener.count(got, "\n") == 7);
                for (int j = 0; j < 8; j++) {
                    assertThat(heard.contains("m" + j + "\n")).as("client %d heard m%d", i, j).isEqualTo(i != j);
                }
            }
            assertThat(l.process.stdout()).isEmpty();
        }
    }

    @Test
    void ncatAndNcClients_takePart_andOneLeavingDisturbsNoOne() throws Exception {
        try (Listener l = Listener.start("-l", "--broker", "127.0.0.1", "0");
                Spawned ncat = Spawned.start(List.of("ncat", "127.0.0.1", Integer.toString(l.port)));
                Spawned nc = Spawned.start(List.of("nc", "127.0.0.1", Integer.toString(l.port)))) {
            Socket java = l.connect();
            l.awaitEvents("accepted", 3);
            ncat.write("from ncat\n");
            nc.write("from nc\n");
            readUntil(java, got -> got.contains("from ncat\n") && got.contains("from nc\n"));
            nc.awaitStdout(out -> out.contains("from ncat\n"));
            ncat.awaitStdout(out -> out.contains("from nc\n"));
            ncat.closeStdin(); // ncat sends its FIN: it leaves the room
            l.awaitEvents("closed", 1);
            send(java, "still on\n");
            nc.awaitStdout(out -> out.contains("still on\n"));
        }
    }

    @Test
    void brokerConsole_theListenersStdinAndStdoutTakePart() throws Exception {
        try (Listener l = Listener.start("-l", "--broker", "--broker-console", "127.0.0.1", "0")) {
            Socket a = l.connect();
            Socket b = l.connect();
            l.awaitEvents("accepted", 2);
            send(a, "a speaks\n");
            readUntil(b, "a speaks\n");
            l.process.awaitStdout(out -> out.equals("a speaks\n"));
            l.process.write("console speaks\n");
            readUntil(a, "console speaks\n");
            readUntil(b, "console speaks\n");
        }
    }
}
