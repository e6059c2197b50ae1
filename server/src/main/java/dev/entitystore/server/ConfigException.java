package dev.entitystore.server;

/** A setting that stops start-up; its message is the one line the operator reads. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
