package dev.entitystore.server.http;

import dev.entitystore.server.error.HttpErrorException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;

/**
 * A body declared as a media range ({@code *}{@code /*}, {@code multipart/*}) names no media type: 415, as for any
 * type a route does not take. Jersey matches such a Content-Type against every route's {@code @Consumes}
 * and hands the body to the route's reader, which for the multipart CSV uploads then failed with a 500.
 */
@Priority(Priorities.HEADER_DECORATOR)
public final class WildcardContentTypeFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
            throw new HttpErrorException(415, "Unsupported Media Type");
        }
    }
}
