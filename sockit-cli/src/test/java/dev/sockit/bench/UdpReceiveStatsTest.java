package dev.sockit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UdpReceiveStatsTest {
    @Test
    void inOrder_constantTransit_noJitterNoReorder() {
        UdpReceiveStats s = new UdpReceiveStats();
        for (long seq = 0; seq < 100; seq++) {
            s.record(seq, seq * 1000, seq * 1000 + 50, 64);
        }
        assertThat(s.received()).isEqualTo(100);
        assertThat(s.bytes()).isEqualTo(6400);
        assertThat(s.outOfOrder()).isZero();
        assertThat(s.jitterNanos()).isZero();
        assertThat(s.lost(103)).isEqualTo(3);
        assertThat(s.lost(50)).isZero();
    }

    @Test
    void lateDatagram_countsOutOfOrder() {
        UdpReceiveStats s = new UdpReceiveStats();
        s.record(0, 0, 10, 32);
        s.record(2, 0, 10, 32);
        s.record(1, 0, 10, 32);
        s.record(3, 0, 10, 32);
        assertThat(s.outOfOrder()).isEqualTo(1);
    }

    @Test
    void jitter_followsRfc3550() {
        UdpReceiveStats s = new UdpReceiveStats();
        s.record(0, 0, 100, 32);
        s.record(1, 1000, 1260, 32);
        // D = |260 - 100| = 160; J = 0 + (160 - 0) / 16 = 10.
        assertThat(s.jitterNanos()).isEqualTo(10);
    }
}
