package dev.entitystore.store.opensearch;

import dev.entitystore.domain.error.StoreUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Optional;
import org.opensearch.client.opensearch._types.ErrorCause;

/**
 * Turns what the client throws into the port's {@link StoreUnavailableException}, with a short reason a
 * client may read (the HTTP answer carries it): the cluster's error type and reason, or what went wrong
 * on the wire. Nothing else of the cluster (hosts, stack traces) goes into the message.
 */
public final class BackendFailures {
    private static final int MAX_REASON = 200;

    private BackendFailures() {
    }

    /**
     * The failure of one call: refused by the cluster, or unanswered.
     *
     * @param what the call's subject, e.g. "the merge of X"
     */
    static StoreUnavailableException failure(String what, Exception e) {
        Optional<ClusterError> error = ClusterError.of(e);
        if (error.isPresent()) {
            return new StoreUnavailableException("OpenSearch refused the request (" + describe(error.get()) + "): "
                    + what + " was not applied", e);
        }
        IOException io = (IOException) e;
        return new StoreUnavailableException("OpenSearch is unavailable (" + wireReason(io) + "): " + what + " "
                + (wasSent(io) ? "may not have been applied" : "was not applied"), e);
    }

    /** A call of many items of which some failed; the text is written by the caller. */
    static StoreUnavailableException partly(String message, Exception cause) {
        return new StoreUnavailableException(message, cause);
    }

    static boolean isConflict(Exception e) {
        return ClusterError.of(e).map(ClusterError::isConflict).orElse(false);
    }

    static boolean isNotFound(Exception e) {
        return ClusterError.of(e).map(error -> error.status() == 404).orElse(false);
    }

    static boolean isIndexMissing(Exception e) {
        return ClusterError.of(e).map(ClusterError::isIndexMissing).orElse(false);
    }

    static boolean isIndexMissing(ErrorCause error) {
        return error != null && "index_not_found_exception".equals(error.type());
    }

    /** The index exists but its primary has not started yet (just created): a retry after a wait succeeds. */
    static boolean isShardUnavailable(ErrorCause error) {
        return error != null && "no_shard_available_action_exception".equals(error.type());
    }

    static boolean isShardUnavailable(Exception e) {
        return ClusterError.of(e).map(c -> "no_shard_available_action_exception".equals(c.type())).orElse(false);
    }

    /** {@code status type: reason}, cut short. */
    static String describe(ClusterError error) {
        return error.status() + " " + cut(error.reason() == null ? error.type() : error.type() + ": " + error.reason());
    }

    /** {@code type: reason} of a bulk or mget item, cut short. */
    static String reason(ErrorCause error) {
        if (error == null) {
            return "unknown error";
        }
        return cut(error.reason() == null ? error.type() : error.type() + ": " + error.reason());
    }

    /** Whether the request may have reached the cluster: only a refused connection says it did not. */
    static boolean wasSent(IOException e) {
        return !(rootCause(e) instanceof ConnectException);
    }

    /** What went wrong on the wire, in a few words ("connection refused", "no answer in time", ...). */
    public static String wireReason(IOException e) {
        Throwable root = rootCause(e);
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof SocketTimeoutException || root.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout")) {
            return "no answer in time";
        }
        return "connection failed: " + root.getClass().getSimpleName();
    }

    private static String cut(String text) {
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "..." : text;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
