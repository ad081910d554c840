package dev.sockit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddrCommandTest {

    @ParameterizedTest(name = "addr {0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "aton     | 127.1               | 127.0.0.1 0x7f000001",
        "aton     | 10.1.2              | 10.1.0.2 0x0a010002",
        "aton     | 4294967295          | 255.255.255.255 0xffffffff",
        "aton     | 0x7f.1              | 127.0.0.1 0x7f000001",
        "aton     | 0177.0.0.1          | 127.0.0.1 0x7f000001",
        "aton     | 1.65535             | 1.0.255.255 0x0100ffff",
        "addr     | 192.168.1.1         | 192.168.1.1 0xc0a80101",
        "network  | 10.1                | 0.0.10.1 0x00000a01",
        "network  | 192.168.1           | 0.192.168.1 0x00c0a801",
        "ntoa     | 0x7f000001          | 127.0.0.1",
        "ntoa     | 3232235777          | 192.168.1.1",
        "lnaof    | 10.1.2.3            | 0.1.2.3 0x00010203",
        "netof    | 10.1.2.3            | 0.0.0.10 0x0000000a",
        "netof    | 172.16.5.4          | 0.0.172.16 0x0000ac10",
        "lnaof    | 192.168.1.77        | 0.0.0.77 0x0000004d",
        "htons    | 0x1234              | 13330 0x3412",
        "ntohs    | 13330               | 4660 0x1234",
        "htonl    | 1                   | 16777216 0x01000000",
        "ntohl    | 0x01000000          | 1 0x00000001",
        "htonl    | 0xffffffff          | 4294967295 0xffffffff",
    })
    void oneArgumentFunctions_printTheContractLine(String function, String argument, String expected) throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", function, argument);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(expected + "\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void addr_allOnes_printsTheAddressAndNotesTheAmbiguity() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "addr", "255.255.255.255");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("255.255.255.255 0xffffffff\n");
        assertThat(result.stderr()).isEqualTo("sockit addr: note: inet_addr returns INADDR_NONE (0xffffffff) for this valid address too;"
                + " C cannot tell it from an error (use inet_aton)\n");
    }

    @Test
    void makeaddr_classA_placesNetworkInTheTopByte() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "makeaddr", "10", "0x020304");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("10.2.3.4 0x0a020304\n");
    }

    @Test
    void pton_inet6_printsCanonicalTextAndBytes() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "pton", "inet6", "::1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("::1 00000000000000000000000000000001\n");
    }

    @Test
    void pton_inet6Mapped_printsEmbeddedIpv4() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "pton", "inet6", "0:0:0:0:0:FFFF:1.2.3.4");

        assertThat(result.stdout()).isEqualTo("::ffff:1.2.3.4 00000000000000000000ffff01020304\n");
    }

    @Test
    void pton_inetLegacyForm_isRejectedLikeInetPton() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "pton", "inet", "127.1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo("sockit addr: pton \"127.1\": inet_pton(AF_INET) returns 0 (not a valid address)\n");
    }

    @Test
    void ntop_inet6_printsRfc5952Text() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "ntop", "inet6", "20010db8000000000001000000000001");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("2001:db8::1:0:0:1\n");
    }

    @Test
    void ntop_wrongLength_failsNamingTheInput() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "ntop", "inet", "7f0001");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("sockit addr: ntop \"7f0001\": expected 8 hex digits for AF_INET\n");
    }

    @ParameterizedTest(name = "addr {0} {1} fails")
    @CsvSource(delimiter = '|', value = {
        "aton    | 1.256.1.1 | sockit addr: aton \"1.256.1.1\": inet_aton returns 0 (not an IPv4 address)",
        "aton    | 08.1.1.1  | sockit addr: aton \"08.1.1.1\": inet_aton returns 0 (not an IPv4 address)",
        "addr    | junk      | sockit addr: addr \"junk\": inet_addr returns INADDR_NONE (not an IPv4 address)",
        "network | 1.2.3.4.5 | sockit addr: network \"1.2.3.4.5\": inet_network returns -1 (not a network number)",
        "htons   | 70000     | sockit addr: htons \"70000\": out of range (expected: 0-65535 or 0x0-0xffff)",
        "htonl   | -1        | sockit addr: htonl \"-1\": not a number (expected: 0-4294967295 or 0x0-0xffffffff)",
        "ntoa    | 0x1g      | sockit addr: ntoa \"0x1g\": not a number (expected: 0-4294967295 or 0x0-0xffffffff)",
        "pton    | inet7     | sockit addr: pton \"inet7\": unknown family (expected: inet or inet6)",
    })
    void invalidInput_printsOneLineAndExitsOne(String function, String argument, String message) throws Exception {
        String[] args = function.equals("pton") ? new String[] {"addr", function, argument, "::1"} : new String[] {"addr", function, argument};

        SockitProcess.Result result = SockitProcess.run(args);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo(message + "\n");
    }

    @Test
    void stdin_oneResultLinePerInputLine_errorsInline_exitOne() throws Exception {
        SockitProcess.Result result = SockitProcess.runWithInput("127.1\n1.2.3.4 trailing words\n1.256.1.1\n\n0x0a000001\n", "addr", "aton", "-");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).containsExactly(
                "127.0.0.1 0x7f000001",
                "1.2.3.4 0x01020304",
                "error: aton \"1.256.1.1\": inet_aton returns 0 (not an IPv4 address)",
                "error: aton \"\": inet_aton returns 0 (not an IPv4 address)",
                "10.0.0.1 0x0a000001");
    }

    @Test
    void stdin_allValid_exitsZero() throws Exception {
        SockitProcess.Result result = SockitProcess.runWithInput("0x1234\n1\n", "addr", "htons", "-");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).containsExactly("13330 0x3412", "256 0x0100");
    }

    @Test
    void stdin_makeaddr_splitsNetAndHostOnWhiteSpace() throws Exception {
        SockitProcess.Result result = SockitProcess.runWithInput("10 0x020304\n  172.16\t0x0102 \n1\n", "addr", "makeaddr", "-");

        assertThat(result.lines()).containsExactly(
                "10.2.3.4 0x0a020304",
                "error: makeaddr NET \"172.16\": not a number (expected: 0-4294967295 or 0x0-0xffffffff)",
                "error: makeaddr \"1\": expected 2 fields");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void stdin_pton_familyOnCommandLine_textPerLine() throws Exception {
        SockitProcess.Result result = SockitProcess.runWithInput("::1\n1:2:3:4:5:6:7:8:9\n", "addr", "pton", "inet6", "-");

        assertThat(result.lines()).containsExactly(
                "::1 00000000000000000000000000000001",
                "error: pton \"1:2:3:4:5:6:7:8:9\": inet_pton(AF_INET6) returns 0 (not a valid address)");
    }

    @Test
    void wrongArgumentCount_isAUsageError() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "aton", "1.2.3.4", "5.6.7.8");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("sockit: aton takes ADDRESS (1 argument), got 2 (see 'sockit addr --help')\n");
    }

    @Test
    void unknownFunction_isAUsageError() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "frobnicate", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("sockit: no function \"frobnicate\" (expected one of: aton, addr, network,");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    @Test
    void info_ipv4LegacyForm_showsEveryForm() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "info", "127.1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).containsExactly(
                "address        127.0.0.1",
                "input          \"127.1\" is an inet_aton form; inet_pton(AF_INET) rejects it",
                "hex            0x7f000001",
                "decimal        2130706433",
                "binary         01111111.00000000.00000000.00000001",
                "network order  7f 00 00 01  (on the wire, most significant byte first)",
                "host order     01 00 00 7f  (in memory on this little-endian host; s_addr reads 0x0100007f)",
                "class          A  (netof 0x0000007f, lnaof 0x00000001)",
                "flags          loopback");
    }

    @Test
    void info_ipv6Mapped_showsTheIpv4Inside() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "info", "::ffff:10.0.0.1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).contains(
                "address        ::ffff:10.0.0.1",
                "expanded       0000:0000:0000:0000:0000:ffff:0a00:0001",
                "ipv4           10.0.0.1  (IPv4-mapped: how a dual-stack socket shows an IPv4 peer)",
                "flags          ipv4-mapped");
    }

    @Test
    void info_garbage_failsWithOneLine() throws Exception {
        SockitProcess.Result result = SockitProcess.run("addr", "info", "not-an-address");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(
                "sockit addr: info \"not-an-address\": not an IPv4 address (inet_aton) or IPv6 address (inet_pton)\n");
    }
}
