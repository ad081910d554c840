package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResolveCommandTest {

    @Test
    void numericHost_everySocketType_inGlibcsOrder() throws Exception {
        SockitProcess.Result result = SockitProcess.run("resolve", "127.0.0.1", "80");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.lines()).containsExactly(
                "AF_INET   SOCK_STREAM IPPROTO_TCP  127.0.0.1                               80",
                "AF_INET   SOCK_DGRAM  IPPROTO_UDP  127.0.0.1                               80",
                "AF_INET   SOCK_RAW    IPPROTO_IP   127.0.0.1                               80");
    }

    @Test
    void serviceName_withType_andCanonName() throws Exception {
        SockitProcess.Result result = SockitProcess.run("resolve", "-4", "--type", "stream", "--canonname", "localhost", "http");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.lines()).containsExactly(
                "AF_INET   SOCK_STREAM IPPROTO_TCP  127.0.0.1                               80 localhost");
    }

    @Test
    void ipv6Literal_passiveWildcard() throws Exception {
        SockitProcess.Result result = SockitProcess.run("resolve", "-6", "--passive", "--type", "dgram", "", "5000");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.lines()).containsExactly(
                "AF_INET6  SOCK_DGRAM  IPPROTO_UDP  ::                                      5000");
    }

    @Test
    void numericHostFlag_withAName_failsWithEaiNoname() throws Exception {
        SockitProcess.Result result = SockitProcess.run("resolve", "--numeric-host", "localhost", "80");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("EAI_NONAME (-2): Name or service not known");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    @Test
    void unknownService_failsWithEaiService() throws Exception {
        SockitProcess.Result result = SockitProcess.run("resolve", "127.0.0.1", "no-such-service");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("EAI_SERVICE (-8): Servname not supported for ai_socktype");
    }

    @Test
    void unknownType_isAUsageError() throws Exception {
        SockitProcess.Result result = SockitProcess.run("resolve", "--type", "sctp", "localhost");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo(
                "sockit: --type \"sctp\": unknown socket type (expected: stream, dgram or raw) (see 'sockit resolve --help')\n");
    }

    @Test
    void bothFamilies_isAUsageError() throws Exception {
        SockitProcess.Result result = SockitProcess.run("resolve", "-4", "-6", "localhost");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines()).hasSize(1);
    }
}
