package dev.sockit.addr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hosts file, {@code /etc/hosts}, as glibc's "files" source reads it
 * ({@code nss_files/files-hosts.c}); the resolver reads it only for what the JDK's lookup does not
 * report: the canonical name ({@code h_name}, the first name on the line) and whether a name is
 * listed at all.
 *
 * <p>A line is {@code ADDRESS NAME [ALIAS...]}; {@code #} starts a comment; a line whose address
 * is not IPv6 or dotted-quad IPv4 text ({@code inet_pton}) is skipped. Names compare without
 * regard to ASCII case, as glibc's {@code strcasecmp} does. Immutable; {@link #read} reads the
 * file afresh, as glibc does on every lookup.
 */
final class HostsFile {
    static final Path ETC_HOSTS = Path.of("/etc/hosts");

    private final List<Entry> entries;

    /**
     * One line of the file.
     *
     * @param address the address
     * @param name the official (canonical) name
     * @param aliases the other names
     */
    record Entry(IpAddress address, String name, List<String> aliases) {
        Entry {
            aliases = List.copyOf(aliases);
        }

        boolean isNamed(String host) {
            if (equalsIgnoreAsciiCase(name, host)) {
                return true;
            }
            for (String alias : aliases) {
                if (equalsIgnoreAsciiCase(alias, host)) {
                    return true;
                }
            }
            return false;
        }
    }

    private HostsFile(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Reads a hosts file (UTF-8); a file that cannot be read lists nothing. */
    static HostsFile read(Path file) {
        try {
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            return new HostsFile(List.of());
        }
    }

    /** The entries the text of a hosts file lists. */
    static HostsFile parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            parseLine(line).ifPresent(entries::add);
        }
        return new HostsFile(entries);
    }

    /** Parses one line; empty for a blank, comment or malformed line. */
    static Optional<Entry> parseLine(String line) {
        Objects.requireNonNull(line, "line");
        int comment = line.indexOf('#');
        String body = comment < 0 ? line : line.substring(0, comment);
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            while (i < body.length() && CText.isSpace(body.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < body.length() && !CText.isSpace(body.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields.add(body.substring(start, i));
            }
        }
        if (fields.size() < 2 || fields.get(0).indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Optional<IpAddress> address = Inet.inetPton(AddressFamily.AF_INET6, fields.get(0))
                .or(() -> Inet.inetPton(AddressFamily.AF_INET, fields.get(0)));
        return address.map(a -> new Entry(a, fields.get(1), fields.subList(2, fields.size())));
    }

    /** Whether a line lists {@code host} as its name or an alias. */
    boolean lists(String host) {
        return entries.stream().anyMatch(entry -> entry.isNamed(host));
    }

    /**
     * The official name of the first line that lists {@code host} with one of {@code addresses}
     * (compared without scope, an IPv4-mapped address as its IPv4 address).
     */
    Optional<String> canonicalName(String host, Collection<IpAddress> addresses) {
        for (Entry entry : entries) {
            if (entry.isNamed(host) && addresses.stream().anyMatch(a -> sameAddress(a, entry.address()))) {
                return Optional.of(entry.name());
            }
        }
        return Optional.empty();
    }

    /** The official name of the first line that lists {@code host} with an IPv4 address: {@code gethostbyname}'s {@code h_name}. */
    Optional<String> canonicalIpv4Name(String host) {
        return entries.stream()
                .filter(entry -> entry.address() instanceof Ipv4Address && entry.isNamed(host))
                .map(Entry::name)
                .findFirst();
    }

    /** The lines that parsed, in file order. */
    List<Entry> entries() {
        return entries;
    }

    private static boolean sameAddress(IpAddress a, IpAddress b) {
        return Arrays.equals(a.unmapped().bytes(), b.unmapped().bytes());
    }

    private static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lower(a.charAt(i)) != lower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
