package dev.sockit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlProtocolTest {
    private static final TestSpec SPEC = new TestSpec(TestSpec.Mode.THROUGHPUT, TestSpec.Protocol.UDP, TestSpec.Direction.BIDIR,
            3, 1400, 100_000_000, 1, 1, Duration.ofMillis(2500), Duration.ofMillis(300));

    @Test
    void hello_roundTrips_everyField() {
        String line = ControlProtocol.hello(0xfedcba9876543210L, SPEC);
        assertThat(line).startsWith("SOCKIT-BENCH/1 ").doesNotContain("\n");
        ControlProtocol.Hello h = ControlProtocol.parseHello(line);
        assertThat(h.cookie()).isEqualTo(0xfedcba9876543210L);
        assertThat(h.spec()).isEqualTo(SPEC);
    }

    @Test
    void parseHello_otherVersion_isRefusedByName() {
        assertThatThrownBy(() -> ControlProtocol.parseHello("SOCKIT-BENCH/2 mode=latency"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOCKIT-BENCH/2").hasMessageContaining("SOCKIT-BENCH/1");
        assertThatThrownBy(() -> ControlProtocol.parseHello("GET / HTTP/1.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseHello_missingOrBadField_isRefused() {
        String line = ControlProtocol.hello(1, SPEC);
        assertThatThrownBy(() -> ControlProtocol.parseHello(line.replace(" len=1400", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("missing field len");
        assertThatThrownBy(() -> ControlProtocol.parseHello(line.replace("len=1400", "len=x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad number");
        assertThatThrownBy(() -> ControlProtocol.parseHello(line.replace("streams=3", "streams=999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streams: 999");
        assertThatThrownBy(() -> ControlProtocol.parseHello(line.replace("mode=throughput", "mode=nope")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void data_roundTrips() {
        String line = ControlProtocol.data(42, 7, ControlProtocol.Role.SOURCE);
        assertThat(line).isEqualTo("DATA 2a 7 source");
        assertThat(ControlProtocol.parseData(line)).isEqualTo(new ControlProtocol.Data(42, 7, ControlProtocol.Role.SOURCE));
        assertThatThrownBy(() -> ControlProtocol.parseData("DATA 2a 7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlProtocol.parseData("DATA zz 7 sink")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endAndResult_roundTrip() {
        assertThat(ControlProtocol.parseEnd(ControlProtocol.end(List.of(5L, 6L)))).containsExactly(5L, 6L);
        assertThat(ControlProtocol.parseEnd(ControlProtocol.end(List.of()))).isEmpty();
        ServerReport r = new ServerReport(List.of(1L, 2L), List.of(3L, 4L), List.of(0L, 1L), List.of(2L, 0L), List.of(900L, 12L), 17);
        assertThat(ControlProtocol.parseResult(ControlProtocol.result(r))).isEqualTo(r);
    }

    @Test
    void parseResult_errLine_carriesTheReason() {
        assertThatThrownBy(() -> ControlProtocol.parseResult("ERR busy: 16 sessions running"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("busy: 16 sessions running");
    }
}
