package dev.sockit.jmh;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.Cidr;
import dev.sockit.addr.Inet;
import dev.sockit.addr.IpAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Address text parsing: sockit's glibc-exact parsers against the JDK's literal parser
 * ({@code InetAddress.getByName} on a literal, which does no lookup), the peer measured in the
 * same run.
 *
 * <p>Run: {@code mvn -q package -pl sockit-jmh -am -DskipTests && java -jar sockit-jmh/target/benchmarks.jar AddressParsing}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AddressParsingBenchmark {
    @Param({"192.168.100.200", "2001:db8:85a3::8a2e:370:7334", "::ffff:10.1.2.3"})
    public String text;

    private Cidr block;
    private IpAddress address;
    private InetAddress jdkAddress;

    @Setup
    public void setUp() throws UnknownHostException {
        address = IpAddress.parse(text);
        jdkAddress = InetAddress.getByName(text);
        block = address.family() == AddressFamily.AF_INET ? Cidr.parse("192.168.0.0/16") : Cidr.parse("2001:db8::/32");
    }

    @Benchmark
    public IpAddress sockitParse() {
        return IpAddress.parse(text);
    }

    @Benchmark
    public InetAddress jdkGetByNameLiteral() throws UnknownHostException {
        return InetAddress.getByName(text);
    }

    @Benchmark
    public Object sockitInetPton() {
        return Inet.inetPton(address.family(), text);
    }

    @Benchmark
    public long sockitInetAddr() {
        return Inet.inetAddr(text);
    }

    @Benchmark
    public String sockitToString() {
        return address.toString();
    }

    @Benchmark
    public String jdkHostAddress() {
        return jdkAddress.getHostAddress();
    }

    @Benchmark
    public boolean sockitCidrContains() {
        return block.contains(address);
    }
}
