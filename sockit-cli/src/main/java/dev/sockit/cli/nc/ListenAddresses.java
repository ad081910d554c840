package dev.sockit.cli.nc;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.IpAddress;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SocketType;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code sockit -l} listens, from {@code [HOST] [PORT]}, {@code -p PORT}, {@code -s ADDR}
 * and {@code -4}/{@code -6}. Without a host: one dual-stack {@code [::]} socket (IPv4 clients
 * arrive as {@code ::ffff:a.b.c.d} and are printed as IPv4), {@code 0.0.0.0} with {@code -4},
 * {@code [::]} IPv6-only with {@code -6} (the kernel refuses IPv4 clients: {@code IPV6_V6ONLY}). A host name binds every address it
 * resolves to. Without a port: ncat's 31337.
 *
 * @param addresses what to bind, at least one
 */
record ListenAddresses(List<InetSockAddr> addresses) {
    /** ncat's listening port when none is given. */
    static final int DEFAULT_PORT = 31337;

    /**
     * The addresses {@code options} and {@code operands} name. Blocks for a name lookup.
     *
     * @throws UsageError for a bad port or address, too many operands, or a host given twice
     * @throws GaiException if the host name does not resolve
     */
    static ListenAddresses of(NetcatOptions options, List<String> operands, SocketType type) throws GaiException {
        AddressFamily family = Endpoints.family(options);
        Optional<IpAddress> source = Endpoints.source(options);
        String host = null;
        String portText = options.sourcePort;
        if (operands.size() > 2) {
            throw new UsageError("too many operands for -l: " + String.join(" ", operands) + " (expected: [HOST] [PORT])");
        }
        if (operands.size() == 2) {
            host = operands.get(0);
            portText = portOnce(portText, operands.get(1));
        } else if (operands.size() == 1) {
            String only = operands.get(0);
            if (portText == null && only.chars().allMatch(Character::isDigit)) {
                portText = only;
            } else {
                host = only;
            }
        }
        if (host != null && source.isPresent()) {
            throw new UsageError("-s " + options.source + " and HOST " + host + ": give the address to listen on once");
        }
        int port = portText == null ? DEFAULT_PORT : PortSpec.port(options.sourcePort != null ? "-p" : "PORT", portText, true);
        if (source.isPresent()) {
            return new ListenAddresses(List.of(InetSockAddr.of(source.get(), port)));
        }
        if (host != null) {
            return new ListenAddresses(Endpoints.resolve(host, port, family, options.noDns, type));
        }
        return switch (family) {
            case AF_INET -> new ListenAddresses(List.of(InetSockAddr.of(Ipv4Address.ANY, port)));
            case AF_INET6 -> new ListenAddresses(List.of(InetSockAddr.of(Ipv6Address.ANY, port)));
            default -> new ListenAddresses(List.of(InetSockAddr.of(Ipv6Address.ANY, port)));
        };
    }

    private static String portOnce(String flag, String operand) {
        if (flag != null) {
            throw new UsageError("-p " + flag + " and PORT " + operand + ": give the port once");
        }
        return operand;
    }
}
