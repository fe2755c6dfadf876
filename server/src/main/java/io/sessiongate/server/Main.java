package io.sessiongate.server;

import ch.qos.logback.classic.LoggerContext;
import io.sessiongate.core.demo.DemoData;
import io.sessiongate.core.persistence.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code bin/sessiongate}: starts the server and stops it cleanly on SIGTERM or Ctrl-C. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Jersey, Grizzly, Metro and Hibernate log through java.util.logging: one log, not two.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger log = LoggerFactory.getLogger(Main.class);
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("sessiongate: " + e.getMessage());
            System.exit(2);
            return;
        }
        SessionGate gate;
        try {
            gate = SessionGate.start(config);
        } catch (DataAccessException.Unavailable e) {
            System.err.println("sessiongate: " + e.getMessage());
            System.err.println("Check SESSIONGATE_DB_URL, SESSIONGATE_DB_USER and SESSIONGATE_DB_PASSWORD, "
                    + "or unset SESSIONGATE_DB_URL to use the embedded MariaDB.");
            System.exit(1);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("sessiongate: " + e.getMessage());
            System.exit(2);
            return;
        } catch (java.io.UncheckedIOException e) {
            System.err.println("sessiongate: " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            gate.close();
            log.info("stopped");
            // the log is written every few milliseconds by its own thread (GatheringAppender): write what is left
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                logging.stop();
            }
        }, "sessiongate-shutdown"));
        banner(gate, config);
        try {
            gate.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void banner(SessionGate gate, ServerConfig config) {
        String base = gate.baseUri().toString();
        StringBuilder b = new StringBuilder();
        b.append("\nsessiongate ").append(SessionGate.version()).append(" is serving on ").append(base).append('\n');
        b.append("  admin page   ").append(base).append(" (log in as an administrator)\n");
        b.append("  join page    ").append(base).append("join").append(config.demo() ? "?site=demo" : "")
                .append(" (customers: a PIN code or a channel)\n");
        b.append("  health       ").append(base).append("health\n");
        b.append("  Rescue API   ").append(base).append("API/<method>.aspx\n");
        b.append("  APIServer    ").append(base).append("APIServer/Session.GetSessionData\n");
        b.append("  customers    ").append(base).append("api/v1/customer/sessions\n");
        if (config.demo()) {
            b.append("demo accounts:\n");
            b.append("  Demo Support (site key demo): administrator ").append(DemoData.ADMIN_EMAIL).append(" / ")
                    .append(DemoData.ADMIN_PASSWORD).append('\n');
            b.append("    technicians Alice ").append(DemoData.ALICE_EMAIL).append(" / ").append(DemoData.ALICE_PASSWORD)
                    .append(" (node 2001, kept Online), Bob ").append(DemoData.BOB_EMAIL).append(" / ")
                    .append(DemoData.BOB_PASSWORD).append(" (node 2002, Offline)\n");
            b.append("    channel Support 3001; support sessions 5001, 5002, 5003 waiting in it\n");
            b.append("    channel Second Line 3002, session 5004 waiting in it; Alice's 5005 Active, 5006 On Hold\n");
            b.append("  Other Company (site key other): technician node 9001, support session 9501\n");
        }
        b.append("try: curl -c cookies.txt '").append(base).append("API/login.aspx?email=")
                .append(DemoData.ADMIN_EMAIL).append("&pwd=").append(DemoData.ADMIN_PASSWORD).append("'\n");
        System.out.println(b);
    }
}
