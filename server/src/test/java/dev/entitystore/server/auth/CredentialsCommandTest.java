package dev.entitystore.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new CredentialsCommand(Map.of("ENTITY_STORE_CREDENTIALS_FILE", dir.resolve("creds.json").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void addKeyPrintsOnlyTheEncodedKeyAndStoresItsHash() throws Exception {
        assertThat(run("add-key", "--name", "ci", "--spaces", "default, team-a", "--write")).isZero();
        String encoded = printed();
        String[] idAndKey = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).split(":");
        assertThat(idAndKey).hasSize(2);

        Path file = dir.resolve("creds.json");
        String text = Files.readString(file);
        assertThat(text).doesNotContain(idAndKey[1]).doesNotContain(encoded).contains(idAndKey[0]);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        List<StoredCredential> entries = CredentialsFile.read(file);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.name()).isEqualTo("ci");
            assertThat(entry.grants()).isEqualTo(new SpaceGrants(List.of("default", "team-a"), true, false));
            assertThat(PasswordHasher.verify(idAndKey[1], entry.hash())).isTrue();
        });
    }

    @Test
    void listShowsEveryCredentialWithoutSecretsAndRemoveTakesThemOut() throws Exception {
        run("add-key", "--name", "ci", "--spaces", "*", "--read-only");
        String id = new String(Base64.getDecoder().decode(printed()), StandardCharsets.UTF_8).split(":")[0];
        run("add-user", "--user", "alice", "--spaces", "default", "--write", "--admin");
        String password = printed();

        assertThat(run("list")).isZero();
        assertThat(printed()).contains("api_key\t" + id + "\tci\t* (read-only)").contains("user\talice\talice\tdefault (write, admin)")
                .doesNotContain(password).doesNotContain("pbkdf2");

        assertThat(run("remove", "--id", id)).isZero();
        assertThat(run("remove", "--user", "alice")).isZero();
        assertThat(CredentialsFile.read(dir.resolve("creds.json"))).isEmpty();
    }

    @Test
    void badUsageExitsTwoWithASentenceAndWritesNothing() {
        assertThat(run("add-key", "--name", "x", "--spaces", "default")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--write or --read-only");
        assertThat(run("add-key", "--name", "x", "--spaces", "default", "--read-only", "--admin")).isEqualTo(2);
        assertThat(run("add-key", "--name", "x", "--spaces", "Bad Space", "--write")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Bad Space");
        assertThat(run("add-user", "--spaces", "default", "--write")).isEqualTo(2);
        assertThat(run("remove", "--id", "nope")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("creds.json"))).isFalse();
    }

    @Test
    void adminAloneMeansWriteAndAdmin() throws Exception {
        assertThat(run("add-key", "--name", "ops", "--spaces", "*", "--admin")).isZero();
        assertThat(CredentialsFile.read(dir.resolve("creds.json")).get(0).grants())
                .isEqualTo(new SpaceGrants(List.of("*"), true, true));
    }

    @Test
    void aUserIsAddedOnce() {
        assertThat(run("add-user", "--user", "bob", "--spaces", "default", "--read-only")).isZero();
        assertThat(run("add-user", "--user", "bob", "--spaces", "default", "--read-only")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists already");
    }

    @Test
    void profileGrantsAndUserDetailsAreStoredAndOptional() throws Exception {
        assertThat(run("add-user", "--user", "alice", "--spaces", "default", "--read-only", "--profile-data", "app1, kibana*",
                "--full-name", "Alice Abbott", "--email", "alice@example.com")).isZero();
        assertThat(run("add-key", "--name", "ci", "--spaces", "*", "--read-only")).isZero();
        assertThat(run("add-key", "--name", "k", "--spaces", "*", "--read-only", "--full-name", "K")).isEqualTo(2);
        Path file = dir.resolve("creds.json");
        List<StoredCredential> entries = CredentialsFile.read(file);
        assertThat(entries.get(0).profileData()).containsExactly("app1", "kibana*");
        assertThat(entries.get(0).fullName()).isEqualTo("Alice Abbott");
        assertThat(entries.get(0).email()).isEqualTo("alice@example.com");
        assertThat(entries.get(1).profileData()).isEmpty();
        assertThat(entries.get(1).fullName()).isNull();
        assertThat(Files.readString(file)).as("absent details are not written").containsOnlyOnce("profile_data")
                .containsOnlyOnce("full_name");
        assertThat(run("list")).isZero();
        assertThat(printed()).contains("default (read-only)\t").contains("\tprofile data: app1,kibana*")
                .containsOnlyOnce("profile data");
    }
}
