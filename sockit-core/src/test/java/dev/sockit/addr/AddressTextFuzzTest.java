package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Any text given to the address parsers: {@code pton4}/{@code pton6} return a value or empty,
 * the {@code parse} methods a value or {@link AddressFormatException}, nothing else; whatever
 * is accepted writes text that reads back as the same value, and the two kinds of parser agree.
 */
class AddressTextFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void addressText_anyString_givesValueOrAddressFormatException(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        String cText = text.indexOf('\0') < 0 ? text : text.substring(0, text.indexOf('\0'));

        Optional<Ipv4Address> pton4 = InetText.pton4(text);
        Optional<Ipv6Address> pton6 = InetText.pton6(text);
        pton4.ifPresent(address -> assertThat(address).hasToString(cText));
        pton6.ifPresent(address -> assertThat(InetText.pton6(address.toString())).contains(address));

        Optional<Ipv4Address> parse4 = documented(() -> InetText.parse4(text));
        Optional<Ipv6Address> parse6 = documented(() -> InetText.parse6(text));
        parse4.ifPresent(address -> assertThat(InetText.parse4(address.toString())).isEqualTo(address));
        parse6.ifPresent(address -> assertThat(InetText.parse6(address.toString())).isEqualTo(address));
        if (text.indexOf('\0') < 0) {
            assertThat(parse4).isEqualTo(pton4);
            if (text.indexOf('%') < 0) {
                assertThat(parse6).isEqualTo(pton6);
            }
        }

        documented(() -> IpAddress.parse(text))
                .ifPresent(address -> assertThat(IpAddress.parse(address.toString())).isEqualTo(address));
        documented(() -> InetSockAddr.parse(text))
                .ifPresent(address -> assertThat(InetSockAddr.parse(address.toString())).isEqualTo(address));
    }

    private static <T> Optional<T> documented(Supplier<T> parse) {
        try {
            return Optional.of(parse.get());
        } catch (AddressFormatException e) {
            return Optional.empty();
        }
    }
}
