package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HostsFileTest {
    private static final String FILE = """
            # static table lookup for hostnames
            127.0.0.1\tlocalhost
            ::1\tlocalhost ip6-localhost ip6-loopback  # comment
            10.0.0.1   Server.Example.org server www
            not-an-address  broken
            10.0.0.2
            2001:db8::2\tserver
            10.0.0.3\tother.example.org www
            """;

    @Test
    void parse_goodLines_inFileOrder() {
        HostsFile hosts = HostsFile.parse(FILE);

        assertThat(hosts.entries()).extracting(HostsFile.Entry::name)
                .containsExactly("localhost", "localhost", "Server.Example.org", "server", "other.example.org");
        assertThat(hosts.entries().get(1).aliases()).containsExactly("ip6-localhost", "ip6-loopback");
    }

    @Test
    void canonicalName_aliasAnyCase_firstLineWithAResultAddress() {
        HostsFile hosts = HostsFile.parse(FILE);
        IpAddress server1 = Ipv4Address.ofHostOrder(0x0a000001L);
        IpAddress server3 = Ipv4Address.ofHostOrder(0x0a000003L);

        assertThat(hosts.canonicalName("WWW", List.of(server1, server3))).isEqualTo(Optional.of("Server.Example.org"));
        assertThat(hosts.canonicalName("www", List.of(server3))).isEqualTo(Optional.of("other.example.org"));
        assertThat(hosts.canonicalName("www", List.of(((Ipv4Address) server3).toMapped()))).isEqualTo(Optional.of("other.example.org"));
        assertThat(hosts.canonicalName("www", List.of(Ipv6Address.LOOPBACK))).isEmpty();
    }

    @Test
    void canonicalIpv4Name_skipsIpv6Lines() {
        HostsFile hosts = HostsFile.parse(FILE);

        assertThat(hosts.canonicalIpv4Name("ip6-localhost")).isEmpty();
        assertThat(hosts.canonicalIpv4Name("SERVER")).isEqualTo(Optional.of("Server.Example.org"));
    }

    @Test
    void lists_nameOrAlias_anyAsciiCase() {
        HostsFile hosts = HostsFile.parse(FILE);

        assertThat(hosts.lists("IP6-LOOPBACK")).isTrue();
        assertThat(hosts.lists("broken")).isFalse();
        assertThat(hosts.lists("server.example")).isFalse();
    }

    @Test
    void read_missingFile_listsNothing(@TempDir Path dir) {
        assertThat(HostsFile.read(dir.resolve("missing")).entries()).isEmpty();
    }
}
