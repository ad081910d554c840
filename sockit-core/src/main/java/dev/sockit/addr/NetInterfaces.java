package dev.sockit.addr;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;

/**
 * What the resolver needs to know of this host's network interfaces, through
 * {@link NetworkInterface}: {@code if_nametoindex(3)}, {@code if_indextoname(3)} and glibc's
 * {@code __check_pf} (which families {@code AI_ADDRCONFIG} admits). Each call asks the system
 * afresh; nothing is cached.
 */
final class NetInterfaces {

    /**
     * The address families this host has addresses of, as glibc's {@code __check_pf} reports them.
     *
     * @param ipv4 an IPv4 address other than {@code 127.0.0.1} is configured
     * @param ipv6 an IPv6 address other than {@code ::1} is configured
     * @param ipv6Enabled IPv6 is enabled at all (some interface, typically {@code lo}, has an IPv6
     *     address), so that {@code ::1} is reachable
     */
    record Families(boolean ipv4, boolean ipv6, boolean ipv6Enabled) {
    }

    private NetInterfaces() {
    }

    /**
     * The families configured on any interface, up or down, as {@code __check_pf} counts them
     * (only {@code 127.0.0.1} and {@code ::1} themselves are left out). If the interfaces cannot be
     * listed, both families, as glibc assumes.
     */
    static Families families() {
        boolean ipv4 = false;
        boolean ipv6 = false;
        boolean anyIpv6 = false;
        try {
            Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
            if (interfaces == null) {
                return new Families(false, false, false);
            }
            for (NetworkInterface nif : Collections.list(interfaces)) {
                for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                    IpAddress ip = IpAddress.of(address);
                    if (address instanceof Inet4Address) {
                        ipv4 |= !ip.equals(Ipv4Address.LOOPBACK);
                    } else if (address instanceof Inet6Address) {
                        anyIpv6 = true;
                        ipv6 |= !ip.isLoopback();
                    }
                }
            }
        } catch (SocketException unlisted) {
            return new Families(true, true, true);
        }
        return new Families(ipv4, ipv6, anyIpv6);
    }

    /** {@code if_nametoindex(3)}: the index of the interface named {@code name}, or 0 if there is none. */
    static int nameToIndex(String name) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(name);
            return nif == null ? 0 : Math.max(nif.getIndex(), 0);
        } catch (SocketException unlisted) {
            return 0;
        }
    }

    /** {@code if_indextoname(3)}: the name of the interface with index {@code index}, if there is one. */
    static Optional<String> indexToName(int index) {
        try {
            return index <= 0 ? Optional.empty() : Optional.ofNullable(NetworkInterface.getByIndex(index)).map(NetworkInterface::getName);
        } catch (SocketException unlisted) {
            return Optional.empty();
        }
    }
}
