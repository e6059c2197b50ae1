package dev.entitystore.server.auth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar entity-store-server.jar credentials ...}: adds API keys and users to the credentials
 * file, lists and removes them. A new secret is generated here, printed once on standard output (alone,
 * so a script can capture it) and stored only as a hash.
 */
public final class CredentialsCommand {
    public static final String NAME = "credentials";
    static final String USAGE = """
            Usage: java -jar entity-store-server.jar credentials <command> [--file F]
              add-key  --name N --spaces S1,S2|* (--write|--read-only) [--admin] [--profile-data P1,P2]
                       prints the value for "Authorization: ApiKey <value>" (once; only its hash is kept)
              add-user --user U --spaces S1,S2|* (--write|--read-only) [--admin] [--profile-data P1,P2]
                       [--full-name NAME] [--email ADDRESS]
                       prints a generated password for "Authorization: Basic base64(U:password)" (once)
              list     the credentials: type, id, name, spaces, rights, profile data namespaces (never a secret)
              remove   --id ID | --user U
            --file defaults to ENTITY_STORE_CREDENTIALS_FILE. --admin (engine management) implies --write.
            --admin with --spaces '*' also manages user profiles; --profile-data names the profile namespaces
            (patterns, * a wildcard) another credential may write through /_security/profile/<uid>/_data.
            A running server picks up changes within a second.""";
    private static final Set<String> FLAGS = Set.of("--file", "--name", "--spaces", "--user", "--id", "--profile-data",
            "--full-name", "--email");
    private static final Set<String> SWITCHES = Set.of("--write", "--read-only", "--admin");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    public CredentialsCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Runs one command; the exit code: 0 done, 1 the file could not be read or written, 2 bad usage. */
    public int run(String... args) {
        if (args.length == 0 || Set.of("--help", "-h", "help").contains(args[0])) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
            Path file = file(options);
            switch (args[0]) {
                case "add-key" -> addKey(file, options);
                case "add-user" -> addUser(file, options);
                case "list" -> list(file);
                case "remove" -> remove(file, options);
                default -> throw new UsageException("unknown command " + args[0]);
            }
            return 0;
        } catch (UsageException | IllegalArgumentException e) {
            err.println("entity-store credentials: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("entity-store credentials: " + e.getMessage());
            return 1;
        }
    }

    private void addKey(Path file, Map<String, String> options) throws IOException {
        String name = required(options, "--name");
        if (options.containsKey("--full-name") || options.containsKey("--email")) {
            throw new UsageException("--full-name and --email describe a user: use them with add-user");
        }
        String id = randomToken(15);
        String key = randomToken(32);
        StoredCredential entry = entry(StoredCredential.Kind.API_KEY, id, name, key, options);
        List<StoredCredential> entries = new ArrayList<>(CredentialsFile.read(file));
        entries.add(entry);
        CredentialsFile.write(file, entries);
        String encoded = Base64.getEncoder().encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
        err.println("Added " + entry.describe() + " for spaces " + entry.grants().describe() + " to " + file + ".");
        err.println("Send it as \"Authorization: ApiKey <the line below>\". It is shown only now; the file keeps its hash.");
        out.println(encoded);
    }

    private void addUser(Path file, Map<String, String> options) throws IOException {
        String user = required(options, "--user");
        List<StoredCredential> entries = new ArrayList<>(CredentialsFile.read(file));
        if (CredentialsFile.find(entries, StoredCredential.Kind.USER, user).isPresent()) {
            throw new UsageException("user '" + user + "' exists already in " + file + " (remove it first)");
        }
        String password = randomToken(18);
        StoredCredential entry = entry(StoredCredential.Kind.USER, user, user, password, options);
        entries.add(entry);
        CredentialsFile.write(file, entries);
        err.println("Added " + entry.describe() + " for spaces " + entry.grants().describe() + " to " + file + ".");
        err.println("Its password is the line below (Authorization: Basic base64(" + user
                + ":password)). It is shown only now; the file keeps its hash.");
        out.println(password);
    }

    private void list(Path file) throws IOException {
        for (StoredCredential entry : CredentialsFile.read(file)) {
            String profileData = entry.profileData().isEmpty() ? "" : "\tprofile data: " + String.join(",", entry.profileData());
            out.println(String.join("\t", entry.kind().json(), entry.id(), entry.name(), entry.grants().describe(),
                    String.valueOf(entry.created())) + profileData);
        }
    }

    private void remove(Path file, Map<String, String> options) throws IOException {
        boolean byId = options.containsKey("--id");
        if (byId == options.containsKey("--user")) {
            throw new UsageException("remove needs exactly one of --id ID or --user U");
        }
        StoredCredential.Kind kind = byId ? StoredCredential.Kind.API_KEY : StoredCredential.Kind.USER;
        String id = byId ? options.get("--id") : options.get("--user");
        List<StoredCredential> entries = new ArrayList<>(CredentialsFile.read(file));
        StoredCredential gone = CredentialsFile.find(entries, kind, id)
                .orElseThrow(() -> new UsageException("no " + (byId ? "api key with id " : "user ") + id + " in " + file));
        entries.remove(gone);
        CredentialsFile.write(file, entries);
        err.println("Removed " + gone.describe() + " from " + file + ".");
    }

    private static StoredCredential entry(StoredCredential.Kind kind, String id, String name, String secret,
                                          Map<String, String> options) {
        boolean readOnly = options.containsKey("--read-only");
        boolean admin = options.containsKey("--admin");
        if (admin && readOnly) {
            throw new UsageException("--admin manages engines, which writes: it cannot be --read-only");
        }
        boolean write = options.containsKey("--write") || admin;
        if (write == readOnly) {
            throw new UsageException("say --write or --read-only");
        }
        List<String> spaces = commaSeparated(required(options, "--spaces"));
        new SpaceGrants(spaces, write, admin); // refuses bad spaces before paying for the hash
        List<String> profileData = commaSeparated(options.getOrDefault("--profile-data", ""));
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return new StoredCredential(kind, id, name, PasswordHasher.hash(secret), spaces, write, admin, created,
                profileData, blankToNull(options.get("--full-name")), blankToNull(options.get("--email")));
    }

    private static List<String> commaSeparated(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Path file(Map<String, String> options) {
        String file = options.getOrDefault("--file", environment.get("ENTITY_STORE_CREDENTIALS_FILE"));
        if (file == null || file.isBlank()) {
            throw new UsageException("say which file: --file F or ENTITY_STORE_CREDENTIALS_FILE");
        }
        return Path.of(file.strip());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (SWITCHES.contains(arg)) {
                options.put(arg, "");
            } else if (FLAGS.contains(arg) && i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else {
                throw new UsageException((FLAGS.contains(arg) ? "option " + arg + " needs a value" : "unknown option " + arg)
                        + "\n" + USAGE);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String flag) {
        String value = options.get(flag);
        if (value == null || value.isBlank()) {
            throw new UsageException(flag + " is required");
        }
        return value.strip();
    }

    /** URL-safe base64 of {@code bytes} random bytes: never a ':' (the id/secret separator). */
    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
