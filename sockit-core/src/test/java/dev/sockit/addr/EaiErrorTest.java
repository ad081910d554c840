package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.testing.CProgram;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class EaiErrorTest {

    @Test
    void text_everyCode_isGaiStrerrorOfItsNumber() throws Exception {
        List<String> numbers = Arrays.stream(EaiError.values()).map(e -> Integer.toString(e.number())).toList();

        List<String> glibc = ResolverOracle.run(List.of(CProgram.compile("gai_oracle").executable().toString()), numbers);

        List<String> sockit = Arrays.stream(EaiError.values()).map(e -> e.number() + "\t" + e.text()).toList();
        assertThat(sockit).isEqualTo(glibc);
    }

    @Test
    void text_codesPythonRaises_isGaierrorStrerror() throws Exception {
        String script = """
                import socket
                calls = [(None, "80", 0, 0, 0, socket.AI_CANONNAME), (b"localhost", "x", 0, 0, 0, socket.AI_NUMERICSERV),
                         (b"localhost", "80", socket.AF_UNIX, 0, 0, 0), (b"localhost", "80", 0, 7, 0, 0),
                         (b"localhost", "nosuchsvc", 0, 0, 0, 0), (b"1.2.3.4", "80", socket.AF_INET6, 0, 0, 0)]
                for call in calls:
                    try:
                        socket.getaddrinfo(*call)
                    except socket.gaierror as e:
                        print("%d\\t%s" % (e.errno, e.strerror))
                """;

        Map<Integer, String> python = ResolverOracle.python(script, List.of()).stream()
                .map(line -> line.split("\t", 2))
                .collect(Collectors.toMap(parts -> Integer.parseInt(parts[0]), parts -> parts[1]));

        assertThat(python).containsOnlyKeys(-1, -2, -6, -7, -8, -9);
        python.forEach((number, text) -> assertThat(EaiError.of(number).text()).as("EAI %d", number).isEqualTo(text));
    }

    @Test
    void of_eachNumber_isThatError() {
        for (EaiError error : EaiError.values()) {
            assertThat(EaiError.of(error.number())).isSameAs(error);
        }
    }

    @Test
    void of_unknownNumber_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> EaiError.of(-13))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EAI error number: -13 (expected: -1 to -12 or -100 to -105)");
    }

    @Test
    void number_glibcValues() {
        assertThat(EaiError.EAI_BADFLAGS.number()).isEqualTo(-1);
        assertThat(EaiError.EAI_NODATA.number()).isEqualTo(-5);
        assertThat(EaiError.EAI_ADDRFAMILY.number()).isEqualTo(-9);
        assertThat(EaiError.EAI_OVERFLOW.number()).isEqualTo(-12);
        assertThat(EaiError.EAI_IDN_ENCODE.number()).isEqualTo(-105);
    }
}
