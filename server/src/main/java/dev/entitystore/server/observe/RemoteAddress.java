package dev.entitystore.server.observe;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The caller's address, kept on the request by {@link RemoteAddressProbe}. */
public final class RemoteAddress {
    static final String PROPERTY = "entitystore.remoteAddress";

    private RemoteAddress() {}

    public static String of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof String address ? address : "";
    }

    /** Whether the caller is on this machine (a loopback address). */
    public static boolean isLoopback(ContainerRequestContext request) {
        String address = of(request);
        if (address.isEmpty()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
