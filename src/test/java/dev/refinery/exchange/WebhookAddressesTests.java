package dev.refinery.exchange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.refinery.shared.Rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where webhooks may post, with names resolved from a table instead of the network. */
class WebhookAddressesTests {

    static final Map<String, List<String>> NAMES = Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "intranet.example.com", List.of("93.184.216.34", "10.1.2.3"),
            "metadata.example.com", List.of("169.254.169.254"),
            "six.example.com", List.of("fd12:3456:789a::1"));

    final WebhookAddresses strict = new WebhookAddresses(false, WebhookAddressesTests::resolve);

    @Test
    void acceptsHttpAndHttpsUrlsOfPublicHosts() {
        assertThat(strict.check("https://hooks.example.com/refinery?team=PAY")).hasHost("hooks.example.com");
        assertThat(strict.check(" http://93.184.216.34:8080/x ")).hasPort(8080);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1/hooks", "http://localhost:9000/", "http://10.0.0.7/", "http://172.16.4.4/",
            "http://192.168.1.20/", "http://169.254.169.254/latest/meta-data", "http://metadata.example.com/",
            "http://[::1]/", "http://[fe80::1]/", "http://six.example.com/", "http://[::ffff:10.0.0.1]/", "http://0.0.0.0/",
            "http://100.64.0.1/", "http://intranet.example.com/" })
    void refusesPrivateLoopbackAndLinkLocalAddressesEvenWhenOnlyOneOfANamesAddressesIsOne(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(Rejected.class)
            .satisfies(refused -> assertThat(((Rejected) refused).errors()).containsKey("url"))
            .hasMessageContaining("public addresses only");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://hooks.example.com/", "file:///etc/passwd", "hooks.example.com/x", "https:///nohost",
            "https://user:secret@hooks.example.com/", "http://nowhere.invalid/", "" })
    void refusesWhatIsNotAnHttpUrlOfAHostThatResolves(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(Rejected.class)
            .satisfies(refused -> assertThat(((Rejected) refused).errors()).containsKey("url"));
    }

    @Test
    void allowsPrivateAddressesOnlyWhenTheAdministratorSaysSo() {
        var allowing = new WebhookAddresses(true, WebhookAddressesTests::resolve);
        assertThat(allowing.check("http://127.0.0.1:8081/hooks")).hasPort(8081);
        assertThat(allowing.check("http://intranet.example.com/")).hasHost("intranet.example.com");
        assertThatThrownBy(() -> allowing.check("gopher://127.0.0.1/")).isInstanceOf(Rejected.class);
    }

    @Test
    void refusesANameThatResolvesElsewhereAtTheTimeOfDelivery() {
        var answers = new ArrayDeque<>(List.of(List.of("93.184.216.34"), List.of("127.0.0.1")));
        var rebinding = new WebhookAddresses(false, host -> addresses(answers.poll()));
        assertThat(rebinding.check("http://rebind.example.com/")).as("saved: public then").hasHost("rebind.example.com");
        assertThatThrownBy(() -> rebinding.check("http://rebind.example.com/")).as("delivered: loopback now")
            .hasMessageContaining("127.0.0.1");
    }

    private static List<InetAddress> resolve(String host) throws UnknownHostException {
        var names = NAMES.get(host);
        if (names != null) {
            return addresses(names);
        }
        if (host.equals("localhost")) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        if (host.endsWith(".invalid")) {
            throw new UnknownHostException(host);
        }
        // literals only: InetAddress parses them without asking DNS
        return List.of(InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host));
    }

    private static List<InetAddress> addresses(List<String> literals) {
        return literals.stream().map(literal -> {
            try {
                return InetAddress.getByName(literal);
            }
            catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }).toList();
    }
}
