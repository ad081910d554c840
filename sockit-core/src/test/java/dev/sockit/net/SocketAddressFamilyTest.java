package dev.sockit.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import dev.sockit.testing.CProgram;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * An address of the wrong family given to {@code bind}, {@code connect} or {@code sendto}:
 * sockit against C ({@code src/test/c/sockaddr_oracle.c}), since Python resolves its address
 * tuples itself and reports a {@code gaierror} before the kernel sees anything.
 */
class SocketAddressFamilyTest {
    private static final List<String> FAMILIES = List.of("INET", "INET6", "UNIX");
    private static List<String> glibc;

    @BeforeAll
    static void runOracle() throws IOException, InterruptedException {
        List<String> words = cases().stream().flatMap(line -> Stream.of(line.split(" "))).toList();
        glibc = CProgram.compile("sockaddr_oracle").run(List.of(), words.toArray(String[]::new));
    }

    @TestFactory
    Stream<DynamicTest> wrongFamily_sockitFailsAsLinuxDoes() {
        List<String> cases = cases();
        assertThat(glibc).hasSameSizeAs(cases);
        return glibc.stream().map(line -> DynamicTest.dynamicTest(line, () -> {
            String[] fields = line.split(" ");
            assertThat(sockit(fields[0], fields[1], fields[2], fields[3])).as(line).isEqualTo(fields[4]);
        }));
    }

    /** Every socket sockit can make × call × address of another family. */
    private static List<String> cases() {
        List<String> cases = new ArrayList<>();
        for (String family : FAMILIES) {
            for (String type : List.of("STREAM", "DGRAM")) {
                if (family.equals("UNIX") && type.equals("DGRAM")) {
                    continue;
                }
                for (String call : List.of("bind", "connect", "sendto")) {
                    for (String addressFamily : FAMILIES) {
                        if (!addressFamily.equals(family)) {
                            cases.add(family + " " + type + " " + call + " " + addressFamily);
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static String sockit(String family, String type, String call, String addressFamily) throws IOException {
        SocketType socketType = type.equals("STREAM") ? SocketType.SOCK_STREAM : SocketType.SOCK_DGRAM;
        int port = call.equals("bind") ? 0 : 9;
        SockAddr address = switch (addressFamily) {
            case "INET" -> new InetSockAddr(Ipv4Address.LOOPBACK, port);
            case "INET6" -> new InetSockAddr(Ipv6Address.LOOPBACK, port);
            default -> new UnixSockAddr("/nonexistent/sockit-oracle");
        };
        try (Socket socket = Socket.socket(AddressFamily.valueOf("AF_" + family), socketType)) {
            return SocketFixtures.outcome(SocketFixtures.run(() -> {
                switch (call) {
                    case "bind" -> socket.bind(address);
                    case "connect" -> socket.connect(address);
                    default -> socket.sendto(new byte[] {'x'}, Socket.MSG_DONTWAIT, address);
                }
            }));
        }
    }
}
