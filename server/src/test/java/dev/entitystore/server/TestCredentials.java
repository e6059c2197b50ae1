package dev.entitystore.server;

import dev.entitystore.server.auth.CredentialsCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A credentials file made the way an operator makes one, with the {@code credentials} command, and the
 * {@code Authorization} headers of what it printed. Each entry costs one slow hash to create.
 */
public final class TestCredentials {
    private final Path file;

    private TestCredentials(Path file) {
        this.file = file;
    }

    public static TestCredentials inTempDirectory() {
        try {
            return new TestCredentials(Files.createTempDirectory("entity-store-credentials").resolve("credentials.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    /** The environment that makes the server check this file. */
    public Map<String, String> environment() {
        return Map.of("ENTITY_STORE_CREDENTIALS_FILE", file.toString());
    }

    /** {@code credentials add-key --name N ... --file F}; answers {@code ApiKey <what it printed>}. */
    public String addKey(String name, String... options) {
        return "ApiKey " + run(withFile("add-key", "--name", name, options));
    }

    /** {@code credentials add-user --user U ...}; answers {@code Basic base64(U:<printed password>)}. */
    public String addUser(String user, String... options) {
        String password = run(withFile("add-user", "--user", user, options));
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed; answers what it printed on standard output, stripped. */
    public String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CredentialsCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        if (code != 0) {
            throw new AssertionError("credentials " + String.join(" ", args) + " exited " + code + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String[] withFile(String command, String flag, String value, String... options) {
        List<String> args = new ArrayList<>(List.of(command, flag, value));
        args.addAll(List.of(options));
        args.addAll(List.of("--file", file.toString()));
        return args.toArray(String[]::new);
    }
}
