package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class NameInfoLookupTest {

    @Test
    void withoutDomain_nameInDomain_cutBeforeTheDot() {
        assertThat(NameInfoLookup.withoutDomain("host.example.org", Optional.of("example.org"))).isEqualTo("host");
        assertThat(NameInfoLookup.withoutDomain("a.b.example.org", Optional.of("example.org"))).isEqualTo("a.b");
    }

    @Test
    void withoutDomain_firstOccurrenceOnly_asStrstr() {
        assertThat(NameInfoLookup.withoutDomain("a.example.org.example.org", Optional.of("example.org"))).isEqualTo("a");
        assertThat(NameInfoLookup.withoutDomain("myexample.org.example.org", Optional.of("example.org"))).isEqualTo("myexample.org.example.org");
    }

    @Test
    void withoutDomain_noDotBeforeOrNoDomain_unchanged() {
        assertThat(NameInfoLookup.withoutDomain("example.org", Optional.of("example.org"))).isEqualTo("example.org");
        assertThat(NameInfoLookup.withoutDomain("host.example.com", Optional.of("example.org"))).isEqualTo("host.example.com");
        assertThat(NameInfoLookup.withoutDomain("host.example.org", Optional.of(""))).isEqualTo("host.example.org");
        assertThat(NameInfoLookup.withoutDomain("host.example.org", Optional.empty())).isEqualTo("host.example.org");
    }
}
