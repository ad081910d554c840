package dev.sockit.cli.nc;

import dev.sockit.addr.AddrInfo;
import dev.sockit.addr.AddrInfoHints;
import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.AddressFormatException;
import dev.sockit.addr.AiFlag;
import dev.sockit.addr.EaiError;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.IpAddress;
import dev.sockit.addr.Resolver;
import dev.sockit.addr.SocketType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The netcat's addresses: the family {@code -4}/{@code -6} allow, the {@code -s} source
 * address, and host names resolved with {@code getaddrinfo} ({@code -n}: numeric only).
 * Command-line mistakes are {@link UsageError}s; a name that does not resolve is the
 * resolver's {@link GaiException} (a network error, exit status 1).
 */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * The family {@code -4} and {@code -6} allow: {@code AF_INET}, {@code AF_INET6} or
     * {@code AF_UNSPEC} for either.
     *
     * @throws UsageError if both are given
     */
    public static AddressFamily family(NetcatOptions options) {
        if (options.ipv4Only && options.ipv6Only) {
            throw new UsageError("-4 and -6 exclude each other");
        }
        return options.ipv4Only ? AddressFamily.AF_INET : options.ipv6Only ? AddressFamily.AF_INET6 : AddressFamily.AF_UNSPEC;
    }

    /**
     * The {@code -s} address, an IPv4 or IPv6 address in numeric form, of the family
     * {@code -4}/{@code -6} allow; empty without {@code -s}.
     *
     * @throws UsageError if it is not a numeric address, or is of the other family
     */
    public static Optional<IpAddress> source(NetcatOptions options) {
        if (options.source == null) {
            return Optional.empty();
        }
        IpAddress address;
        try {
            address = IpAddress.parse(options.source);
        } catch (AddressFormatException e) {
            throw new UsageError("-s \"" + options.source + "\": not an IP address (" + e.problem() + ")");
        }
        AddressFamily family = family(options);
        if (family != AddressFamily.AF_UNSPEC && address.family() != family) {
            throw new UsageError("-s " + options.source + ": not an " + (family == AddressFamily.AF_INET ? "IPv4" : "IPv6")
                    + " address (" + (family == AddressFamily.AF_INET ? "-4" : "-6") + " is given)");
        }
        return Optional.of(address);
    }

    /**
     * The addresses of {@code host} and {@code port} for sockets of {@code type}, in the
     * resolver's order, kept to {@code family} ({@code AF_UNSPEC}: both). Blocks for the
     * lookup.
     *
     * @param numeric {@code -n}: {@code host} must be a numeric address
     * @throws UsageError with {@code numeric}, if {@code host} is a name; if {@code host} is a
     *     numeric address of the other family
     * @throws GaiException if {@code host} does not resolve (or has no address of the family)
     */
    public static List<InetSockAddr> resolve(String host, int port, AddressFamily family, boolean numeric, SocketType type)
            throws GaiException {
        AddrInfoHints hints = AddrInfoHints.ANY.withFamily(family).withType(type);
        hints = numeric ? hints.withFlags(AiFlag.AI_NUMERICSERV, AiFlag.AI_NUMERICHOST) : hints.withFlags(AiFlag.AI_NUMERICSERV);
        List<AddrInfo> found;
        try {
            found = Resolver.getaddrinfo(host, Integer.toString(port), hints);
        } catch (GaiException e) {
            if (numeric && e.error() == EaiError.EAI_NONAME) {
                throw new UsageError("HOST \"" + host + "\": not a numeric address (-n does no name lookup)");
            }
            if (e.error() == EaiError.EAI_ADDRFAMILY) {
                boolean v4 = family == AddressFamily.AF_INET;
                throw new UsageError("HOST " + host + ": not an " + (v4 ? "IPv4" : "IPv6") + " address (as " + (v4 ? "-4" : "-6")
                        + " or the -s address asks)");
            }
            throw e;
        }
        List<InetSockAddr> addresses = new ArrayList<>();
        for (AddrInfo info : found) {
            if (!addresses.contains(info.address())) {
                addresses.add(info.address());
            }
        }
        return List.copyOf(addresses);
    }
}
