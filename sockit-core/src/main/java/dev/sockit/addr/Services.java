package dev.sockit.addr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The services database, {@code /etc/services}, read as glibc's "files" source reads it
 * ({@code nss_files/files-service.c}): {@code getservbyname(3)} and {@code getservbyport(3)}.
 *
 * <p>A line is {@code NAME PORT/PROTOCOL [ALIAS...]}; leading white space is skipped, a
 * {@code #} starts a comment anywhere, and a line that does not parse is skipped. Names and
 * protocols compare exactly (case matters); the first matching line in file order wins.
 * The port is read as glibc reads it, with {@code strtoul} and the low 16 bits kept.
 *
 * <p>Immutable once read. {@link #system()} reads {@code /etc/services} once, on first use, and
 * keeps it; an unreadable file is an empty database, as glibc finds nothing in it.
 */
final class Services {
    static final Path ETC_SERVICES = Path.of("/etc/services");

    private final List<Entry> entries;

    /**
     * One line of the database.
     *
     * @param name the official name
     * @param port the port, {@code 0..65535}
     * @param protocol the protocol name ({@code tcp}, {@code udp}, ...), possibly empty
     * @param aliases the other names
     */
    record Entry(String name, int port, String protocol, List<String> aliases) {
        Entry {
            aliases = List.copyOf(aliases);
        }

        boolean isNamed(String service) {
            return name.equals(service) || aliases.contains(service);
        }
    }

    private Services(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The system's database, {@code /etc/services}, read on the first call. */
    static Services system() {
        return SystemDatabase.SERVICES;
    }

    /** Reads a services file (UTF-8); a file that cannot be read gives an empty database. */
    static Services read(Path file) {
        try {
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return new Services(List.of());
        }
    }

    /** The database the text of a services file describes. */
    static Services parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            parseLine(line).ifPresent(entries::add);
        }
        return new Services(entries);
    }

    /**
     * Parses one line as glibc's {@code parse_line} for services does; empty for a blank,
     * comment or malformed line. Never throws.
     */
    static Optional<Entry> parseLine(String line) {
        Objects.requireNonNull(line, "line");
        int end = 0;
        while (end < line.length() && "#\n\0".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        String body = line.substring(0, end);
        int i = skipSpace(body, 0);
        if (i == body.length()) {
            return Optional.empty();
        }
        int nameEnd = skipField(body, i);
        String name = body.substring(i, nameEnd);
        i = skipSpace(body, nameEnd);
        CText.Strtoul port = CText.strtoul(body, i);
        if (port.end() == i) {
            return Optional.empty();
        }
        i = port.end();
        if (i < body.length()) {
            if (body.charAt(i) != '/') {
                return Optional.empty();
            }
            i++;
        }
        int protocolEnd = skipField(body, i);
        String protocol = body.substring(i, protocolEnd);
        List<String> aliases = new ArrayList<>();
        i = skipSpace(body, protocolEnd);
        while (i < body.length()) {
            int aliasEnd = skipField(body, i);
            aliases.add(body.substring(i, aliasEnd));
            i = skipSpace(body, aliasEnd);
        }
        return Optional.of(new Entry(name, (int) (port.value() & 0xffff), protocol, aliases));
    }

    /** {@code getservbyname(service, protocol)}: the port of the first line with that name or alias and protocol. */
    OptionalInt port(String service, String protocol) {
        for (Entry entry : entries) {
            if (entry.protocol().equals(protocol) && entry.isNamed(service)) {
                return OptionalInt.of(entry.port());
            }
        }
        return OptionalInt.empty();
    }

    /** {@code getservbyport(port, protocol)}: the official name of the first line with that port and protocol. */
    Optional<String> name(int port, String protocol) {
        for (Entry entry : entries) {
            if (entry.port() == port && entry.protocol().equals(protocol)) {
                return Optional.of(entry.name());
            }
        }
        return Optional.empty();
    }

    /** The lines that parsed, in file order. */
    List<Entry> entries() {
        return entries;
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && CText.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipField(String text, int from) {
        int i = from;
        while (i < text.length() && !CText.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static final class SystemDatabase {
        static final Services SERVICES = read(ETC_SERVICES);
    }
}
