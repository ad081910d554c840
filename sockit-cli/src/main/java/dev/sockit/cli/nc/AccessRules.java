package dev.sockit.cli.nc;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.AddressFormatException;
import dev.sockit.addr.Cidr;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.IpAddress;
import dev.sockit.addr.SocketType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --allow}, {@code --allowfile}, {@code --deny}, {@code --denyfile}: which clients a
 * listener serves. Entries are CIDR blocks, single addresses or host names (resolved once, at
 * start; every address of the name counts). Allow wins: with any allow entry only matching
 * clients are served, whatever the deny entries say; without one, clients matching a deny
 * entry are refused. Files hold one entry per line; blank lines and {@code #} comments are
 * skipped. Immutable.
 */
final class AccessRules {
    private final List<Cidr> allow;
    private final List<Cidr> deny;

    private AccessRules(List<Cidr> allow, List<Cidr> deny) {
        this.allow = List.copyOf(allow);
        this.deny = List.copyOf(deny);
    }

    /**
     * The rules of {@code options}. Blocks to read the files and resolve names.
     *
     * @throws UsageError for an unreadable file, an invalid CIDR block, or a name that does not
     *     resolve (or any name with {@code -n})
     */
    static AccessRules of(NetcatOptions options) {
        List<Cidr> allow = new ArrayList<>();
        List<Cidr> deny = new ArrayList<>();
        for (String entry : options.allow) {
            allow.addAll(entry("--allow", entry, options.noDns));
        }
        for (Path file : options.allowFiles) {
            for (String entry : lines("--allowfile", file)) {
                allow.addAll(entry("--allowfile " + file, entry, options.noDns));
            }
        }
        for (String entry : options.deny) {
            deny.addAll(entry("--deny", entry, options.noDns));
        }
        for (Path file : options.denyFiles) {
            for (String entry : lines("--denyfile", file)) {
                deny.addAll(entry("--denyfile " + file, entry, options.noDns));
            }
        }
        return new AccessRules(allow, deny);
    }

    /** Why {@code peer} is refused, or empty if it is served. Does not block. */
    Optional<String> refusal(InetSockAddr peer) {
        IpAddress address = EventLog.plain(peer).address();
        if (!allow.isEmpty()) {
            return matches(allow, address) ? Optional.empty() : Optional.of("not in --allow");
        }
        return matches(deny, address) ? Optional.of("in --deny") : Optional.empty();
    }

    private static boolean matches(List<Cidr> blocks, IpAddress address) {
        for (Cidr block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(String flag, Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException | SecurityException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getMessage();
            throw new UsageError(flag + " " + file + ": cannot read (" + why + ")");
        }
    }

    private static List<Cidr> entry(String flag, String text, boolean numeric) {
        String entry = text.strip();
        if (entry.isEmpty()) {
            throw new UsageError(flag + " \"" + text + "\": empty entry");
        }
        boolean looksNumeric = entry.indexOf('/') >= 0 || entry.indexOf(':') >= 0 || entry.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (looksNumeric) {
            try {
                return List.of(Cidr.parse(entry));
            } catch (AddressFormatException e) {
                throw new UsageError(flag + " \"" + entry + "\": not a CIDR block or address (" + e.problem() + ")");
            }
        }
        if (numeric) {
            throw new UsageError(flag + " \"" + entry + "\": a name, and -n does no name lookup");
        }
        try {
            return Endpoints.resolve(entry, 0, AddressFamily.AF_UNSPEC, false, SocketType.SOCK_STREAM).stream()
                    .map(address -> Cidr.parse(address.address().toString()))
                    .toList();
        } catch (GaiException e) {
            throw new UsageError(flag + " \"" + entry + "\": " + e.getMessage());
        }
    }
}
