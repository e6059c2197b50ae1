package dev.entitystore.store.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OpenSearchAddressesTest {

    @Test
    void one_address_or_several_comma_separated_in_the_order_given() {
        assertThat(OpenSearchAddresses.parse("http://127.0.0.1:9200"))
                .containsExactly(URI.create("http://127.0.0.1:9200"));
        assertThat(OpenSearchAddresses.parse(" https://a.internal:9200/, HTTPS://b.internal:9201 ,https://[::1]:9202"))
                .containsExactly(URI.create("https://a.internal:9200"), URI.create("https://b.internal:9201"),
                        URI.create("https://[::1]:9202"));
    }

    @Test
    void shows_the_addresses_as_one_line() {
        assertThat(OpenSearchAddresses.show(OpenSearchAddresses.parse("http://a:1,http://b:2"))).isEqualTo("http://a:1,http://b:2");
    }

    @Test
    void refuses_what_it_cannot_use_naming_the_address_at_fault() {
        assertThatThrownBy(() -> OpenSearchAddresses.parse(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no OpenSearch address");
        assertThatThrownBy(() -> OpenSearchAddresses.parse("http://a:9200,,http://b:9200"))
                .hasMessage("OpenSearch addresses 'http://a:9200,,http://b:9200' have an empty entry");
        assertThatThrownBy(() -> OpenSearchAddresses.parse("http://a:9200,"))
                .hasMessageContaining("have an empty entry");
        assertThatThrownBy(() -> OpenSearchAddresses.parse("http://a:9200,b:9200"))
                .hasMessage("OpenSearch URL 'b:9200' is not http(s)://host:port");
        assertThatThrownBy(() -> OpenSearchAddresses.parse("http://a:9200/some/path"))
                .hasMessage("OpenSearch URL 'http://a:9200/some/path' is not http(s)://host:port");
        assertThatThrownBy(() -> OpenSearchAddresses.parse("http://a:9200,https://b:9200"))
                .hasMessageContaining("mix http and https");
        assertThatThrownBy(() -> OpenSearchAddresses.parse("http://a:9200,http://A:9200/"))
                .hasMessage("OpenSearch address 'http://A:9200/' is given twice");
        assertThatThrownBy(() -> OpenSearchAddresses.parse("http://user:pw@a:9200"))
                .hasMessageContaining("credentials go in the username and password settings");
        assertThatThrownBy(() -> OpenSearchAddresses.parse("http://a:port"))
                .hasMessageContaining("'http://a:port' is not http(s)://host:port");
    }
}
