package dev.entitystore.server;

import ch.qos.logback.classic.Level;
import dev.entitystore.server.auth.CredentialsCommand;
import dev.entitystore.server.backup.BackupCommands;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** {@code java -jar entity-store-server.jar}: configure, start, serve until SIGTERM, stop cleanly, exit 0. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        long startedAt = System.nanoTime();
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(ServerConfig.USAGE);
            return;
        }
        if (args.length == 1 && "--version".equals(args[0])) {
            System.out.println("entity-store " + BuildInfo.version());
            return;
        }
        if (args.length > 0 && CredentialsCommand.NAME.equals(args[0])) {
            System.exit(new CredentialsCommand(System.getenv(), System.out, System.err).run(rest(args)));
            return;
        }
        if (args.length > 0 && BackupCommands.handles(args[0])) {
            System.exit(BackupCommands.run(args[0], rest(args), System.getenv(), System.out, System.err));
            return;
        }
        ServerConfig config;
        EntityStoreServer server;
        try {
            config = ServerConfig.from(System.getenv(), args);
            rootLogLevel(config.logging().level());
            server = EntityStoreServer.start(config);
        } catch (ConfigException e) {
            System.err.println("entity-store: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        // SIGTERM and SIGINT are handled here rather than left to the JVM, which would exit 143 / 130 after
        // the shutdown hooks: a clean stop on request exits 0, as a service manager expects.
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stopRequested.countDown());
        }
        // Any other way out (System.exit, SIGHUP) still closes the store.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "entity-store-shutdown"));
        log.info("Entity Store {} listening on {}://{}:{} (backend {}, data in {}) - started in {} ms", BuildInfo.version(),
                server.scheme(), config.host(), server.port(), config.backend().name().toLowerCase(Locale.ROOT),
                config.dataDir().toAbsolutePath().normalize(), (System.nanoTime() - startedAt) / 1_000_000);
        if (config.security().hasCredentials()) {
            log.info("Requests need credentials from {}", config.security().credentialsFile().toAbsolutePath().normalize());
        } else {
            log.warn("No credentials are configured: requests are served anonymously, on loopback only");
        }
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Stopping: finishing requests in flight");
        server.close();
        log.info("Stopped");
        System.exit(0);
    }

    private static String[] rest(String[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }

    /** The configured level, validated by {@link ServerConfig}; logback itself would read a typo as DEBUG. */
    private static void rootLogLevel(String level) {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.toLevel(level));
        }
    }
}
