package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ServicesTest {
    private static final String FILE = """
            # Network services, Internet style

            echo\t\t7/tcp
            echo\t\t7/udp
            discard\t\t9/tcp\t\tsink null
            discard\t\t9/udp\t\tsink null
              indented\t10/tcp\t\t# leading white space is skipped
            http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP
            www-http\t80/tcp
            http\t\t8080/tcp
            alt\t\t81/tcp\t\twww
            commented#out\t82/tcp
            noport\t\t/tcp
            hexport\t\t0x50/tcp
            bareport\t83
            spaced\t\t 84 /tcp
            signed\t\t+85/udp
            wrapped\t\t65616/tcp
            negative\t-1/tcp
            huge\t\t99999999999999999999/udp
            crlf\t\t86/tcp\r
            amqp\t\t5672/sctp
            """;

    @Test
    void parse_commentsBlanksAndBadLines_keepsGoodLinesInFileOrder() {
        Services services = Services.parse(FILE);

        assertThat(services.entries()).containsExactly(
                new Services.Entry("echo", 7, "tcp", List.of()),
                new Services.Entry("echo", 7, "udp", List.of()),
                new Services.Entry("discard", 9, "tcp", List.of("sink", "null")),
                new Services.Entry("discard", 9, "udp", List.of("sink", "null")),
                new Services.Entry("indented", 10, "tcp", List.of()),
                new Services.Entry("http", 80, "tcp", List.of("www")),
                new Services.Entry("www-http", 80, "tcp", List.of()),
                new Services.Entry("http", 8080, "tcp", List.of()),
                new Services.Entry("alt", 81, "tcp", List.of("www")),
                new Services.Entry("bareport", 83, "", List.of()),
                new Services.Entry("signed", 85, "udp", List.of()),
                new Services.Entry("wrapped", 80, "tcp", List.of()),
                new Services.Entry("negative", 65535, "tcp", List.of()),
                new Services.Entry("huge", 65535, "udp", List.of()),
                new Services.Entry("crlf", 86, "tcp", List.of()),
                new Services.Entry("amqp", 5672, "sctp", List.of()));
    }

    @Test
    void port_nameOrAlias_firstMatchingLineWins() {
        Services services = Services.parse(FILE);

        assertThat(services.port("http", "tcp")).isEqualTo(OptionalInt.of(80));
        assertThat(services.port("www", "tcp")).isEqualTo(OptionalInt.of(80));
        assertThat(services.port("sink", "udp")).isEqualTo(OptionalInt.of(9));
        assertThat(services.port("amqp", "sctp")).isEqualTo(OptionalInt.of(5672));
    }

    @Test
    void port_wrongCaseOrProtocol_isEmpty() {
        Services services = Services.parse(FILE);

        assertThat(services.port("HTTP", "tcp")).isEmpty();
        assertThat(services.port("http", "udp")).isEmpty();
        assertThat(services.port("http", "TCP")).isEmpty();
        assertThat(services.port("commented", "tcp")).isEmpty();
    }

    @Test
    void name_duplicatePort_isFirstLinesOfficialName() {
        Services services = Services.parse(FILE);

        assertThat(services.name(80, "tcp")).isEqualTo(Optional.of("http"));
        assertThat(services.name(9, "udp")).isEqualTo(Optional.of("discard"));
        assertThat(services.name(7, "sctp")).isEmpty();
    }

    @Test
    void read_file_sameAsParsingItsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("services");
        Files.writeString(file, FILE, StandardCharsets.UTF_8);

        assertThat(Services.read(file).entries()).isEqualTo(Services.parse(FILE).entries());
    }

    @Test
    void read_missingFile_isEmpty(@TempDir Path dir) {
        assertThat(Services.read(dir.resolve("missing")).entries()).isEmpty();
    }

    @Test
    void parseLine_oddLines_asGlibcParsesThem() {
        assertThat(Services.parseLine("")).isEmpty();
        assertThat(Services.parseLine("   ")).isEmpty();
        assertThat(Services.parseLine("#x 1/tcp")).isEmpty();
        assertThat(Services.parseLine("name")).isEmpty();
        assertThat(Services.parseLine("a 1/tcp\0b 2/udp")).contains(new Services.Entry("a", 1, "tcp", List.of()));
        assertThat(Services.parseLine("a 1/tcp/x y")).contains(new Services.Entry("a", 1, "tcp/x", List.of("y")));
        assertThat(Services.parseLine("a 1/")).contains(new Services.Entry("a", 1, "", List.of()));
        assertThat(Services.parseLine("a 1//tcp")).contains(new Services.Entry("a", 1, "/tcp", List.of()));
        assertThat(Services.parseLine("a\u000b1/tcp\fb")).contains(new Services.Entry("a", 1, "tcp", List.of("b")));
        assertThat(Services.parseLine("a \u00a01/tcp")).isEmpty();
    }

    @Test
    void system_everyNameAndPort_matchesGetservbynameAndGetservbyport() throws Exception {
        Services system = Services.system();
        Set<String> lookups = new LinkedHashSet<>();
        for (Services.Entry entry : system.entries()) {
            lookups.add("name\t" + entry.name() + "\t" + entry.protocol());
            entry.aliases().forEach(alias -> lookups.add("name\t" + alias + "\t" + entry.protocol()));
            lookups.add("port\t" + entry.port() + "\t" + entry.protocol());
        }
        lookups.add("name\tnosuchsvc\ttcp");
        lookups.add("port\t1\tudp");
        String script = """
                import socket, sys
                for line in sys.stdin:
                    kind, key, proto = line.rstrip("\\n").split("\\t")
                    try:
                        print(socket.getservbyname(key, proto) if kind == "name" else socket.getservbyport(int(key), proto))
                    except OSError:
                        print("-")
                """;

        List<String> glibc = ResolverOracle.python(script, List.copyOf(lookups));

        List<String> sockit = new ArrayList<>();
        for (String lookup : lookups) {
            String[] parts = lookup.split("\t");
            sockit.add(parts[0].equals("name")
                    ? system.port(parts[1], parts[2]).stream().mapToObj(Integer::toString).findFirst().orElse("-")
                    : system.name(Integer.parseInt(parts[1]), parts[2]).orElse("-"));
        }
        assertThat(system.entries()).hasSizeGreaterThan(100);
        assertThat(sockit).isEqualTo(glibc);
    }
}
