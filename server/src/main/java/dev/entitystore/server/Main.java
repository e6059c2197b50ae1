package dev.entitystore.server;

import dev.entitystore.server.auth.CredentialsCommand;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar entity-store-server.jar}: configure, start, serve until SIGTERM, stop cleanly. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        long startedAt = System.nanoTime();
        Logger log = LoggerFactory.getLogger(Main.class);
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(ServerConfig.USAGE);
            return;
        }
        if (args.length > 0 && CredentialsCommand.NAME.equals(args[0])) {
            int code = new CredentialsCommand(System.getenv(), System.out, System.err)
                    .run(java.util.Arrays.copyOfRange(args, 1, args.length));
            System.exit(code);
            return;
        }
        EntityStoreServer server;
        try {
            ServerConfig config = ServerConfig.from(System.getenv(), args);
            server = EntityStoreServer.start(config);
        } catch (ConfigException e) {
            System.err.println("entity-store: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: finishing requests in flight");
            server.close();
            log.info("Stopped");
            stopped.countDown();
        }, "entity-store-shutdown"));
        ServerConfig config = server.config();
        log.info("Entity Store listening on {}://{}:{} (backend {}, data in {}) - started in {} ms",
                server.scheme(), config.host(), server.port(), config.backend().name().toLowerCase(java.util.Locale.ROOT),
                config.dataDir().toAbsolutePath().normalize(), (System.nanoTime() - startedAt) / 1_000_000);
        if (config.security().hasCredentials()) {
            log.info("Requests need credentials from {}", config.security().credentialsFile().toAbsolutePath().normalize());
        } else {
            log.warn("No credentials are configured: requests are served anonymously, on loopback only");
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
