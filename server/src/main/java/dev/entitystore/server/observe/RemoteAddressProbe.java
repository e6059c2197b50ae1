package dev.entitystore.server.observe;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;

/**
 * Puts the caller's address on each request before Jersey sees it: Grizzly's request attributes are the
 * Jersey request's properties, so {@link RemoteAddress#of} reads it there. Looking the Grizzly request up
 * from a Jersey filter instead cost an injection lookup per request.
 */
public final class RemoteAddressProbe extends HttpServerProbe.Adapter {
    @Override
    public void onBeforeServiceEvent(HttpServerFilter filter, Connection connection, Request request, HttpHandler handler) {
        String address = request.getRemoteAddr();
        if (address != null) {
            request.setAttribute(RemoteAddress.PROPERTY, address);
        }
    }
}
