package io.sessiongate.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A MariaDB Galera cluster of a few nodes on 127.0.0.1, from the machine's own Debian packages
 * ({@code mariadb-server}, {@code galera-4}, {@code rsync}), each node a {@code mariadbd} with a
 * defaults file of its own under a fresh {@code /tmp/sg-galera-*} directory (never the system's
 * {@code /etc/mysql} or data), its own ports for SQL, group communication, IST and SST. The first
 * node is bootstrapped from {@code mariadb-install-db}; the others join by rsync SST. Run as root,
 * the nodes run as the {@code mysql} user, since rsync SST fails as root. A node killed with
 * SIGKILL restarts with {@code --wsrep-recover} first, so that it rejoins by IST.
 */
final class GaleraCluster implements AutoCloseable {

    /** {@code -Dsessiongate.galera.mariadbd=/nowhere} shows the test skipping where the packages are missing. */
    static final Path MARIADBD = Path.of(System.getProperty("sessiongate.galera.mariadbd", "/usr/sbin/mariadbd"));
    static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    static final Path GALERA = Path.of("/usr/lib/galera/libgalera_smm.so");
    static final Path RSYNC = Path.of("/usr/bin/rsync");
    static final Path SST_RSYNC = Path.of("/usr/bin/wsrep_sst_rsync");

    static final String USER = "sg";
    static final String PASSWORD = "sg-cluster";
    static final String DATABASE = "sessiongate";

    private final Path dir;
    private final int basePort;
    private final int size;
    private final boolean root;
    private final Process[] processes;

    private GaleraCluster(Path dir, int basePort, int size, boolean root) {
        this.dir = dir;
        this.basePort = basePort;
        this.size = size;
        this.root = root;
        this.processes = new Process[size];
    }

    /** Why a cluster cannot run here, or null when it can. */
    static String unavailable() {
        for (Path p : List.of(MARIADBD, INSTALL_DB, GALERA, RSYNC, SST_RSYNC)) {
            if (!Files.isExecutable(p) && !Files.isReadable(p)) {
                return p + " is missing (Debian packages mariadb-server, galera-4, rsync)";
            }
        }
        if (isRoot() && run(List.of("id", "-u", "mysql")) != 0) {
            return "running as root and there is no user 'mysql' to run the nodes as";
        }
        return null;
    }

    /** Starts {@code size} nodes and waits until every one is Synced. */
    static GaleraCluster start(int size, int firstPort) {
        Path dir;
        try {
            dir = Files.createTempDirectory(Path.of("/tmp"), "sg-galera-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GaleraCluster c = new GaleraCluster(dir, freeBlock(firstPort, size), size, isRoot());
        try {
            c.init();
            c.launch(0, List.of("--wsrep-new-cluster", "--init-file=" + dir.resolve("init.sql")));
            c.awaitSynced(0, 60);
            for (int i = 1; i < size; i++) {
                c.launch(i, List.of());
            }
            for (int i = 1; i < size; i++) {
                c.awaitSynced(i, 120);
            }
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    int size() {
        return size;
    }

    int sqlPort(int node) {
        return basePort + node;
    }

    /** A sequential URL starting at {@code first}, then the others in order. */
    String sequentialUrl(int first) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            hosts.add("127.0.0.1:" + sqlPort((first + i) % size));
        }
        return "jdbc:mariadb:sequential://" + String.join(",", hosts) + "/" + DATABASE + "?galeraAllowedState=4";
    }

    /** A URL of one node only. */
    String nodeUrl(int node) {
        return "jdbc:mariadb://127.0.0.1:" + sqlPort(node) + "/" + DATABASE;
    }

    Connection connect(int node) throws SQLException {
        return DriverManager.getConnection(nodeUrl(node) + "?connectTimeout=2000&socketTimeout=30000", USER, PASSWORD);
    }

    /** SIGKILL, as a crash or an OOM killer would. */
    void kill(int node) {
        Process p = processes[node];
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isRunning(int node) {
        return processes[node] != null && processes[node].isAlive();
    }

    /** Starts a killed node again from its recovered position, so that it rejoins by IST; waits until Synced. */
    void restart(int node) {
        Path nodeDir = dir.resolve("n" + node);
        Path recoverLog = nodeDir.resolve("recover.log");
        List<String> cmd = new ArrayList<>(command(node));
        cmd.add("--wsrep-recover");
        cmd.add("--log-error=" + recoverLog);
        if (runQuietly(cmd, 120) != 0) {
            throw new IllegalStateException("--wsrep-recover failed; see " + recoverLog);
        }
        String log;
        try {
            log = Files.readString(recoverLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = Pattern.compile("Recovered position: (\\S+)").matcher(log);
        String position = null;
        while (m.find()) {
            position = m.group(1);
        }
        launch(node, position == null ? List.of() : List.of("--wsrep-start-position=" + position));
        awaitSynced(node, 120);
    }

    /** wsrep_cluster_size as {@code node} sees it, or -1 when it does not answer. */
    int clusterSize(int node) {
        try (Connection c = connect(node); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'wsrep_cluster_size'")) {
            return rs.next() ? rs.getInt(2) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** wsrep_local_state_comment ({@code Synced}, {@code Joining}, ...), or null when it does not answer. */
    String state(int node) {
        try (Connection c = connect(node); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW STATUS LIKE 'wsrep_local_state_comment'")) {
            return rs.next() ? rs.getString(2) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    void awaitSynced(int node, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!processes[node].isAlive()) {
                throw new IllegalStateException("node " + node + " exited; its log: " + tail(node));
            }
            if ("Synced".equals(state(node))) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("node " + node + " not Synced in " + seconds + " s; its log: " + tail(node));
    }

    String tail(int node) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("n" + node).resolve("error.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
        for (Process p : processes) {
            if (p != null) {
                try {
                    p.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover under /tmp is not worth failing the test for
        }
    }

    private void init() {
        try {
            Files.writeString(dir.resolve("init.sql"), "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' "
                    + "IDENTIFIED BY '" + PASSWORD + "';\nGRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1';\n"
                    + "CREATE DATABASE IF NOT EXISTS " + DATABASE + ";\n");
            String members = Stream.iterate(0, i -> i + 1).limit(size).map(i -> "127.0.0.1:" + gcommPort(i))
                    .collect(Collectors.joining(","));
            for (int i = 0; i < size; i++) {
                Path n = dir.resolve("n" + i);
                Files.createDirectories(n.resolve("data"));
                Files.writeString(n.resolve("my.cnf"), String.join("\n",
                        "[mariadbd]",
                        "datadir=" + n.resolve("data"),
                        "socket=" + n.resolve("sock"),
                        "pid-file=" + n.resolve("pid"),
                        "log-error=" + n.resolve("error.log"),
                        "port=" + sqlPort(i),
                        "bind-address=127.0.0.1",
                        "skip-name-resolve",
                        "binlog_format=ROW",
                        "default_storage_engine=InnoDB",
                        "innodb_autoinc_lock_mode=2",
                        "innodb_buffer_pool_size=64M",
                        "innodb_log_file_size=32M",
                        "innodb_flush_log_at_trx_commit=2",
                        "max_connections=200",
                        "character-set-server=utf8mb4",
                        "collation-server=utf8mb4_unicode_ci",
                        "wsrep_on=ON",
                        "wsrep_provider=" + GALERA,
                        "wsrep_cluster_name=sessiongate-test",
                        "wsrep_cluster_address=gcomm://" + members,
                        "wsrep_node_address=127.0.0.1",
                        "wsrep_node_name=n" + i,
                        "wsrep_provider_options=\"base_port=" + gcommPort(i) + ";gmcast.listen_addr=tcp://127.0.0.1:"
                                + gcommPort(i) + ";ist.recv_addr=127.0.0.1:" + istPort(i) + ";gcache.size=64M\"",
                        "wsrep_sst_method=rsync",
                        "wsrep_sst_receive_address=127.0.0.1:" + sstPort(i),
                        ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> install = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("n0").resolve("data"), "--skip-test-db"));
        if (root) {
            install.add("--user=mysql");
            chown();
        }
        if (runQuietly(install, 120) != 0) {
            throw new IllegalStateException("mariadb-install-db failed");
        }
        if (root) {
            chown();
        }
    }

    private void chown() {
        if (runQuietly(List.of("chown", "-R", "mysql:mysql", dir.toString()), 30) != 0) {
            throw new IllegalStateException("cannot chown " + dir + " to mysql");
        }
    }

    private List<String> command(int node) {
        List<String> cmd = new ArrayList<>(List.of(MARIADBD.toString(),
                "--defaults-file=" + dir.resolve("n" + node).resolve("my.cnf")));
        if (root) {
            cmd.add("--user=mysql");
        }
        return cmd;
    }

    private void launch(int node, List<String> extra) {
        List<String> cmd = new ArrayList<>(command(node));
        cmd.addAll(extra);
        try {
            processes[node] = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("n" + node).resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int gcommPort(int node) {
        return basePort + 10 + node;
    }

    private int istPort(int node) {
        return basePort + 20 + node;
    }

    private int sstPort(int node) {
        return basePort + 30 + node;
    }

    /** The first port at or above {@code from} (in steps of 40) where SQL, gcomm, IST and SST ports are all free. */
    private static int freeBlock(int from, int size) {
        for (int base = from; base < from + 400; base += 40) {
            boolean free = true;
            for (int kind = 0; kind < 4 && free; kind++) {
                for (int i = 0; i < size && free; i++) {
                    free = isFree(base + kind * 10 + i);
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports from " + from);
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int run(List<String> cmd) {
        return runQuietly(cmd, 30);
    }

    private static int runQuietly(List<String> cmd, int seconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
