package io.linkwatch.neo4j;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.UserAggregationFunction;
import org.neo4j.procedure.UserFunction;

/**
 * Runs Neo4j 5.26 embedded with Bolt and the open-source GDS procedures, for machines without Docker.
 *
 * <p>Contract with the Python side (app/runtime): settings arrive as system properties, the process writes
 * {@code <home>/run/ready.json} once Bolt answers and every GDS procedure is registered, removes it on
 * shutdown, and exits with a distinct code for each start-up failure so the caller can explain it.
 */
public final class Launcher {

    static final String NEO4J_VERSION = "5.26.24";
    static final String GDS_VERSION = "2.13.9";

    static final int EXIT_PORT_IN_USE = 10;
    static final int EXIT_INCOMPATIBLE_STORE = 11;
    static final int EXIT_BAD_CONFIG = 12;
    static final int EXIT_START_FAILED = 13;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(required("linkwatch.home")).toAbsolutePath();
        String host = System.getProperty("linkwatch.bolt.host", "127.0.0.1");
        int port = Integer.parseInt(System.getProperty("linkwatch.bolt.port", "7687"));
        String pageCache = System.getProperty("linkwatch.pagecache", "512m");
        boolean auth = Boolean.parseBoolean(System.getProperty("linkwatch.auth", "true"));
        Path gdsLib = Path.of(required("linkwatch.gds.lib"));
        String password = System.getenv("NEO4J_PASSWORD");

        if (auth && (password == null || password.length() < 8)) {
            fail(EXIT_BAD_CONFIG, "authentication is on but NEO4J_PASSWORD is missing or shorter than 8 characters");
        }
        Path dataDir = home.resolve("data");
        Path runDir = home.resolve("run");
        Files.createDirectories(dataDir);
        Files.createDirectories(runDir);
        checkStoreVersion(dataDir);
        checkPortFree(host, port);

        Instant started = Instant.now();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.data_directory, dataDir)
                    .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                    .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                    // Shutdown waits this long per connector (two: bolt and bolt-local) for Bolt's event
                    // loops, which by then serve nothing: the databases are checkpointed and closed first.
                    // The default 5 s made every stop take over 10 s; Neo4j now logs that it cut the loops
                    // short, which is harmless at that point.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                    .build();
        } catch (RuntimeException e) {
            fail(EXIT_START_FAILED, "Neo4j did not start: " + rootMessage(e));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Path readyFile = runDir.resolve("ready.json");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(readyFile);
            } catch (IOException ignored) {
                // the caller treats a stale ready file with a dead pid as not running
            }
            dbms.shutdown();
            stopped.countDown();
        }, "linkwatch-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        GlobalProcedures procedures =
                ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(GlobalProcedures.class);
        Instant dbmsUp = Instant.now();
        int registered = registerProcedures(procedures, gdsLib);
        long registerMs = Duration.between(dbmsUp, Instant.now()).toMillis();
        if (auth) {
            setPassword(dbms, password);
        }
        writeStoreVersion(dataDir);

        long pid = ProcessHandle.current().pid();
        String ready = String.format(Locale.ROOT,
                "{\"pid\": %d, \"host\": \"%s\", \"port\": %d, \"neo4j\": \"%s\", \"gds\": \"%s\", "
                        + "\"auth\": %s, \"procedure_classes\": %d, \"register_ms\": %d, \"started_at\": \"%s\", "
                        + "\"startup_ms\": %d}%n",
                pid, host, port, NEO4J_VERSION, GDS_VERSION, auth, registered, registerMs, Instant.now(),
                Duration.between(started, Instant.now()).toMillis());
        Path tmp = runDir.resolve("ready.json.tmp");
        Files.writeString(tmp, ready, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, readyFile, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("LINKWATCH-NEO4J READY " + ready.trim());
        System.out.flush();
        stopped.await();
    }

    /**
     * Registers every GDS procedure and function class. GDS ships as a server plugin; embedded, nothing scans
     * the plugin jars, so we do what the plugin loader would: find annotated classes and register them. The
     * GDS extensions that provide their {@code @Context} components load through ServiceLoader on their own.
     */
    private static int registerProcedures(GlobalProcedures procedures, Path gdsLib) throws IOException {
        ClassLoader loader = Launcher.class.getClassLoader();
        List<Path> jars = new ArrayList<>();
        try (var stream = Files.list(gdsLib)) {
            stream.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        int count = 0;
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    if (!name.endsWith(".class") || name.contains("$") || name.startsWith("META-INF")) {
                        continue;
                    }
                    String className = name.substring(0, name.length() - 6).replace('/', '.');
                    if (registerIfAnnotated(procedures, loader, className)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static boolean registerIfAnnotated(GlobalProcedures procedures, ClassLoader loader, String className) {
        Class<?> cls;
        Method[] methods;
        try {
            cls = Class.forName(className, false, loader);
            methods = cls.getDeclaredMethods();
        } catch (Throwable e) {
            // Optional GDS modules reference classes that are absent here (enterprise, Arrow); skip them.
            return false;
        }
        boolean proc = false;
        boolean func = false;
        boolean agg = false;
        for (Method m : methods) {
            proc |= m.isAnnotationPresent(Procedure.class);
            func |= m.isAnnotationPresent(UserFunction.class);
            agg |= m.isAnnotationPresent(UserAggregationFunction.class);
        }
        if (!(proc || func || agg)) {
            return false;
        }
        try {
            if (proc) {
                procedures.registerProcedure(cls);
            }
            if (func) {
                procedures.registerFunction(cls);
            }
            if (agg) {
                procedures.registerAggregationFunction(cls);
            }
            return true;
        } catch (Exception e) {
            System.err.println("linkwatch-neo4j: could not register " + className + ": " + rootMessage(e));
            return false;
        }
    }

    /** The password comes from the environment on every start, so rotating it is a restart away. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (passwordInForce((GraphDatabaseAPI) system, password)) {
            // The usual restart. Compiling the ALTER USER statement on a cold JVM costs seconds.
            return;
        }
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to its current value; that is the steady state.
            if (!rootMessage(e).toLowerCase(Locale.ROOT).contains("old password and new password")) {
                throw e;
            }
        }
    }

    /** Whether the neo4j user logs in with this password already, with no change required. */
    private static boolean passwordInForce(GraphDatabaseAPI system, String password) {
        try {
            AuthManager auth = system.getDependencyResolver().resolveDependency(AuthManager.class);
            LoginContext login = auth.login(
                    AuthToken.newBasicAuthToken("neo4j", password), ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (Exception e) {
            return false; // cannot tell: set it, as on a first start
        }
    }

    /**
     * A store written by another Neo4j line would be upgraded or rejected in ways that lose the operator's
     * choice; refuse instead and delete nothing.
     */
    private static void checkStoreVersion(Path dataDir) throws IOException {
        Path marker = dataDir.resolve("linkwatch-store-version");
        if (Files.exists(marker)) {
            String found = Files.readString(marker, StandardCharsets.UTF_8).trim();
            if (!line(found).equals(line(NEO4J_VERSION))) {
                fail(EXIT_INCOMPATIBLE_STORE, "the data directory " + dataDir + " was written by Neo4j " + found
                        + "; this launcher runs Neo4j " + NEO4J_VERSION
                        + ". Nothing was changed. Point LINKWATCH_HOME elsewhere or migrate the store.");
            }
        } else if (Files.isDirectory(dataDir.resolve("databases"))) {
            // A store without our marker may come from anything; Neo4j's own format check below still applies.
            System.err.println("linkwatch-neo4j: adopting an existing store at " + dataDir);
        }
    }

    private static void writeStoreVersion(Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve("linkwatch-store-version"), NEO4J_VERSION + "\n", StandardCharsets.UTF_8);
    }

    private static String line(String version) {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }

    private static void checkPortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            fail(EXIT_PORT_IN_USE, "port " + port + " on " + host + " is in use");
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            fail(EXIT_BAD_CONFIG, "missing system property " + property);
        }
        return value;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void fail(int code, String message) {
        System.err.println("linkwatch-neo4j: " + message);
        System.err.flush();
        System.exit(code);
    }
}
