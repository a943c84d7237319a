package io.stancewire.ops;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.stancewire.broker.EmbeddedKafkaBroker;

/**
 * A standalone single-node KRaft broker for the scripts that run real service instances against it
 * ({@code scripts/lib/harness.sh}, {@code scripts/check-instances}, {@code scripts/check-faults}). It runs
 * {@link EmbeddedKafkaBroker} until the process is told to stop (SIGTERM or SIGINT: the shutdown hook closes the broker;
 * SIGKILL simulates a crash). Restarted on the same data directory, it keeps its topics, offsets and transactions.
 *
 * <p>
 * Arguments: {@code DATA_DIR PORT [CONTROLLER_PORT]} (the controller port defaults to {@code PORT + 1}). Prints
 * {@code BROKER READY localhost:PORT} once it accepts clients, and {@code BROKER STOPPED} after a clean shutdown.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: BrokerMain DATA_DIR PORT [CONTROLLER_PORT]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = args.length == 3 ? Integer.parseInt(args[2]) : port + 1;

        long started = System.nanoTime();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port, controllerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
                System.out.println("BROKER STOPPED");
                System.out.flush();
            } finally {
                stopped.countDown();
            }
        }, "broker-shutdown"));
        broker.start();
        System.out.printf("BROKER READY %s (data in %s, controller port %d) in %d ms%n", broker.bootstrapServers(),
                dataDir.toAbsolutePath(), controllerPort, (System.nanoTime() - started) / 1_000_000);
        System.out.flush();
        stopped.await(); // until the shutdown hook has run
    }
}
