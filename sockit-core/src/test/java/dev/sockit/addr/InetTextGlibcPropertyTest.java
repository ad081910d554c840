package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * sockit's {@code inet_pton}/{@code inet_ntop} against glibc's on generated input: each try
 * is a batch of 200 questions, all asked of one oracle process kept open for the class.
 */
class InetTextGlibcPropertyTest {
    private static GlibcOracle oracle;

    @BeforeContainer
    static void startOracle() throws IOException, InterruptedException {
        oracle = GlibcOracle.start();
    }

    @AfterContainer
    static void stopOracle() throws IOException {
        oracle.close();
    }

    @Property(tries = 50)
    void ntop6_addressesBiasedToZeroGroups_matchGlibc(@ForAll("addressBatches") List<byte[]> addresses) throws Exception {
        List<GlibcQuery> queries = addresses.stream().map(GlibcQuery::ntop6).toList();

        assertNoDifferences(queries);
    }

    @Property(tries = 50)
    void pton_textsFromAddressAlphabet_matchGlibc(@ForAll("textBatches") List<String> texts) throws Exception {
        List<GlibcQuery> queries = new ArrayList<>();
        for (String text : texts) {
            queries.add(GlibcQuery.pton4(text));
            queries.add(GlibcQuery.pton6(text));
        }

        assertNoDifferences(queries);
    }

    @Provide
    Arbitrary<List<byte[]>> addressBatches() {
        return AddressArbitraries.ipv6Bytes().list().ofSize(200);
    }

    @Provide
    Arbitrary<List<String>> textBatches() {
        return AddressArbitraries.addressTexts().list().ofSize(200);
    }

    private static void assertNoDifferences(List<GlibcQuery> queries) throws IOException, InterruptedException {
        List<String> glibc = oracle.askAll(queries.stream().map(GlibcQuery::request).toList());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String sockit = queries.get(i).sockitAnswer();
            if (!sockit.equals(glibc.get(i))) {
                differences.add(queries.get(i) + ": glibc " + glibc.get(i) + ", sockit " + sockit);
            }
        }
        assertThat(differences).as("differences from glibc:%n%s", String.join("\n", differences)).isEmpty();
    }
}
