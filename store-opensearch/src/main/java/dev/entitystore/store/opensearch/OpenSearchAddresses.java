package dev.entitystore.store.opensearch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The cluster's node addresses as one setting: {@code http(s)://host:port}, comma-separated. The client
 * spreads calls over them and skips a node that stopped answering, so naming several nodes keeps a server
 * serving through the others when one goes away.
 */
public final class OpenSearchAddresses {
    private OpenSearchAddresses() {
    }

    /**
     * @throws IllegalArgumentException naming the address at fault: empty, not {@code http(s)://host:port},
     *         named twice, or not of the same scheme as the others (one TLS setting serves them all)
     */
    public static List<URI> parse(String addresses) {
        if (addresses == null || addresses.isBlank()) {
            throw new IllegalArgumentException("no OpenSearch address: give http(s)://host:port, several comma-separated");
        }
        Set<URI> parsed = new LinkedHashSet<>();
        String scheme = null;
        for (String part : addresses.split(",", -1)) {
            String address = part.strip();
            if (address.isEmpty()) {
                throw new IllegalArgumentException("OpenSearch addresses '" + addresses + "' have an empty entry");
            }
            URI uri = parseOne(address);
            if (scheme != null && !scheme.equals(uri.getScheme())) {
                throw new IllegalArgumentException("OpenSearch addresses '" + addresses
                        + "' mix http and https: every node is reached the same way");
            }
            scheme = uri.getScheme();
            if (!parsed.add(uri)) {
                throw new IllegalArgumentException("OpenSearch address '" + address + "' is given twice");
            }
        }
        return List.copyOf(new ArrayList<>(parsed));
    }

    /** The addresses as they are shown in messages (never with credentials: those are separate settings). */
    public static String show(List<URI> addresses) {
        return String.join(",", addresses.stream().map(URI::toString).toList());
    }

    private static URI parseOne(String address) {
        if (!address.matches("(?i)https?://[^/\\s,]+/?")) {
            throw new IllegalArgumentException("OpenSearch URL '" + address + "' is not http(s)://host:port");
        }
        URI uri;
        try {
            uri = new URI(address.endsWith("/") ? address.substring(0, address.length() - 1) : address);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("OpenSearch URL '" + address + "' is not http(s)://host:port: " + e.getReason(), e);
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("OpenSearch URL '" + address + "' is not http(s)://host:port"
                    + (uri.getUserInfo() != null ? " (credentials go in the username and password settings)" : ""));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        try {
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("OpenSearch URL '" + address + "' is not http(s)://host:port", e);
        }
    }
}
