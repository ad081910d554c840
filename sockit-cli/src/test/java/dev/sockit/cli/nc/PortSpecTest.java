package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Ports and port lists as the command line gives them. */
class PortSpecTest {

    @Test
    void list_portsRangesAndRepeats_inOrderGivenOnceEach() {
        assertThat(PortSpec.list("PORT", "443,20-23,80,21")).containsExactly(443, 20, 21, 22, 23, 80);
        assertThat(PortSpec.list("PORT", "1-65535")).hasSize(65_535);
    }

    @Test
    void list_badItems_usageErrorNamingThem() {
        assertThatThrownBy(() -> PortSpec.list("PORT", "30-20")).isInstanceOf(UsageError.class)
                .hasMessage("PORT \"30-20\": range backwards (expected: LOW-HIGH with LOW <= HIGH)");
        assertThatThrownBy(() -> PortSpec.list("PORT", "80,,81")).hasMessage("PORT \"\": not a port number (expected: 1-65535)");
        assertThatThrownBy(() -> PortSpec.list("PORT", "1-70000")).hasMessage("PORT \"70000\": out of range (expected: 1-65535)");
        assertThatThrownBy(() -> PortSpec.list("PORT", "-5")).hasMessage("PORT \"\": not a port number (expected: 1-65535)");
    }

    @Test
    void port_zeroOnlyWhereAllowed() {
        assertThat(PortSpec.port("-p", "0", true)).isZero();
        assertThatThrownBy(() -> PortSpec.port("PORT", "0", false)).hasMessage("PORT \"0\": out of range (expected: 1-65535)");
        assertThatThrownBy(() -> PortSpec.port("PORT", "+80", false)).hasMessage("PORT \"+80\": not a port number (expected: 1-65535)");
        assertThatThrownBy(() -> PortSpec.port("PORT", "http", false)).isInstanceOf(UsageError.class);
    }
}
