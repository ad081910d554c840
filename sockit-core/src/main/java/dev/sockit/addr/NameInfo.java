package dev.sockit.addr;

import java.util.Objects;

/**
 * What {@code getnameinfo(3)} writes into its two buffers: the host (a name, or the address as
 * text) and the service (a name from the services database, or the port as a decimal number).
 *
 * @param host the host name, or the numeric address with {@code %scope} for a scoped IPv6 one
 * @param service the service name, or the port in decimal
 */
public record NameInfo(String host, String service) {

    public NameInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(service, "service");
    }
}
