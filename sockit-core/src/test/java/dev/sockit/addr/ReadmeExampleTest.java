package dev.sockit.addr;

import static dev.sockit.addr.Inet.inetAddr;
import static dev.sockit.addr.Inet.inetAton;
import static dev.sockit.addr.NetOrder.htons;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The library example in the README, line for line: it must compile and say what the README says. */
class ReadmeExampleTest {

    @Test
    void readmeLibraryExample_isTrue() throws GaiException {
        Ipv4Address a = inetAton("127.1").orElseThrow();
        long sAddr = inetAddr("10.1.2.3");
        int port = htons(8080);
        IpAddress v6 = IpAddress.parse("2001:DB8::0:1");
        InetSockAddr peer = InetSockAddr.parse("[::1]:8080");
        boolean inside = Cidr.parse("10.0.0.0/8").contains(IpAddress.parse("10.9.8.7"));
        List<AddrInfo> results = Resolver.getaddrinfo("localhost", "http",
                AddrInfoHints.ANY.withType(SocketType.SOCK_STREAM));

        assertThat(a).hasToString("127.0.0.1");
        assertThat(sAddr).isEqualTo(0x0302010aL);
        assertThat(port).isEqualTo(0x901f);
        assertThat(v6).hasToString("2001:db8::1");
        assertThat(peer.port()).isEqualTo(8080);
        assertThat(inside).isTrue();
        assertThat(results).extracting(info -> info.address().toString()).containsExactly("127.0.0.1:80");
    }
}
