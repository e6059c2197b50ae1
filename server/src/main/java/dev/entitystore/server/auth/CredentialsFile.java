package dev.entitystore.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials file: JSON {@code {"version":1,"credentials":[...]}} of {@link StoredCredential}s.
 * Written whole to a temporary file then moved over the old one, so a server reloading it never reads
 * half a file; created readable by its owner only (it holds no secret, but hashes are still worth hiding).
 */
public final class CredentialsFile {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private CredentialsFile() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Document(@JsonProperty("version") int version,
                            @JsonProperty("credentials") List<StoredCredential> credentials) {}

    /** The entries of {@code file}; an absent file reads as none (the command creates it on first add). */
    public static List<StoredCredential> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Document document;
        try {
            document = JSON.readValue(file.toFile(), Document.class);
        } catch (IOException e) {
            throw new IOException(file + " is not a valid credentials file: " + firstLine(e), e);
        }
        if (document == null || document.version() != 1 || document.credentials() == null) {
            throw new IOException(file + " is not a valid credentials file: expected {\"version\":1,\"credentials\":[...]}");
        }
        List<StoredCredential> entries = document.credentials();
        Set<String> seen = new java.util.HashSet<>();
        for (StoredCredential entry : entries) {
            if (!seen.add(entry.kind() + ":" + entry.id())) {
                throw new IOException(file + " names " + entry.describe() + " twice");
            }
        }
        return List.copyOf(entries);
    }

    public static void write(Path file, List<StoredCredential> entries) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(dir, ".credentials", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".credentials", ".tmp");
        try {
            Files.write(temp, JSON.writeValueAsBytes(new Document(1, new ArrayList<>(entries))));
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether people other than the owner may read it (worth a warning, not a refusal). */
    public static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    public static Optional<StoredCredential> find(List<StoredCredential> entries, StoredCredential.Kind kind, String id) {
        return entries.stream().filter(e -> e.kind() == kind && e.id().equals(id)).findFirst();
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
