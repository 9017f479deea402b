package dev.agentlocator.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    private static final TrustedProxies PRIVATE = TrustedProxies.of(TrustedProxies.PRIVATE_NETWORKS);

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, true",
        "127.0.0.9, true",
        "10.1.2.3, true",
        "172.16.0.1, true",
        "172.31.255.255, true",
        "172.32.0.1, false",
        "172.15.255.255, false",
        "192.168.1.1, true",
        "192.169.1.1, false",
        "100.64.0.1, true",
        "100.128.0.1, false",
        "203.0.113.7, false",
        "8.8.8.8, false",
        "::1, true",
        "[::1], true",
        "0:0:0:0:0:0:0:1, true",
        "fd12:3456::1, true",
        "2001:db8::1, false",
        "::ffff:10.0.0.1, true",
        "::ffff:203.0.113.7, false",
    })
    void theDefaultForTheServicesIsLoopbackAndThePrivateNetworks(String address, boolean trusted) {
        assertThat(PRIVATE.isTrusted(address)).as(address).isEqualTo(trusted);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"localhost", "example.com", "10.0.0.1.nip.io", "unknown", "", "127.1", "010.0.0.1", "1.2.3"})
    void onlyAddressLiteralsAreEverTrusted(String notAnAddress) {
        assertThat(TrustedProxies.of(List.of("0.0.0.0/0", "::/0")).isTrusted(notAnAddress))
                .as(notAnAddress)
                .isFalse();
    }

    @Test
    void aSingleAddressIsItsOwnNetworkAndBlankEntriesAreIgnored() {
        var proxies = TrustedProxies.of(List.of(" 127.0.0.9 ", "", "2001:db8::7"));
        assertThat(proxies.isTrusted("127.0.0.9")).isTrue();
        assertThat(proxies.isTrusted("127.0.0.1")).isFalse();
        assertThat(proxies.isTrusted("2001:db8::7")).isTrue();
        assertThat(proxies.isTrusted("2001:db8::8")).isFalse();
        assertThat(proxies).hasToString("127.0.0.9, 2001:db8::7");
    }

    @Test
    void nothingConfiguredTrustsNobody() {
        assertThat(TrustedProxies.of(List.of()).isTrusted("127.0.0.1")).isFalse();
        assertThat(TrustedProxies.of(List.of("")).isEmpty()).isTrue();
        assertThat(TrustedProxies.none().isTrusted("10.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127\\.0\\.0\\.1|10\\..*", // the regex GATEWAY_TRUSTED_PROXIES used to take
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "10.0.0.0/x",
                "::/129",
                "proxy.internal",
            })
    void aSettingThatIsNotACidrStopsStartUpNamingIt(String setting) {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/8", setting)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + setting + "'");
    }
}
