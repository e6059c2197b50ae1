package dev.entitystore.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.entitystore.domain.error.StoreBusyException;
import dev.entitystore.domain.error.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class DomainExceptionMapperTest {
    private final DomainExceptionMapper mapper = new DomainExceptionMapper();

    @Test
    void aBusyStoreIs429WithRetryAfterAndKibanasBody() {
        Response response = mapper.toResponse(new StoreBusyException("busy; retry", 3));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("3");
        assertThat(response.getEntity()).isEqualTo(ErrorBody.of(429, "busy; retry"));
        assertThat(((ErrorBody) response.getEntity()).error()).isEqualTo("Too Many Requests");
    }

    @Test
    void anUnavailableStoreIs503WithoutRetryAfter() {
        Response response = mapper.toResponse(new StoreUnavailableException("gone", null));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }
}
