package vn.ccn.dms.devstack;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code domain1} of an unpacked Payara Server 6, driven through its own {@code glassfish/bin/asadmin}.
 * Used by the run command and by integration tests that must stop, kill and restart the server.
 *
 * <p>Settings reach the application as environment variables of the asadmin process: the server JVM that
 * {@code start-domain} launches inherits them, and MicroProfile Config reads {@code DMS_DB_URL} as
 * {@code dms.db.url}. {@code AS_JAVA} defaults to the JDK running this code, so Payara 6 never picks up a
 * newer JDK that happens to be installed. Whatever asadmin prints is appended to a log file.
 */
public final class PayaraDomain {

    /** The domain every Payara Server distribution ships. */
    public static final String DOMAIN = "domain1";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration API_MISSING_GRACE = Duration.ofSeconds(30);

    private final Path payaraHome;
    private final Map<String, String> env;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Logs asadmin's output to {@code glassfish/domains/domain1/logs/asadmin.log}, beside {@code server.log}. */
    public PayaraDomain(Path payaraHome, Map<String, String> env) {
        this(payaraHome, env, payaraHome.resolve("glassfish/domains/" + DOMAIN + "/logs/asadmin.log"));
    }

    /**
     * @param payaraHome the unpacked {@code payara6} folder (holding {@code glassfish/})
     * @param env        environment variables for asadmin and so for the server JVM it starts
     * @param logFile    file that asadmin's output is appended to
     */
    public PayaraDomain(Path payaraHome, Map<String, String> env, Path logFile) {
        this.payaraHome = Objects.requireNonNull(payaraHome, "payaraHome").toAbsolutePath().normalize();
        Map<String, String> copy = new HashMap<>(Objects.requireNonNull(env, "env"));
        copy.putIfAbsent("AS_JAVA", System.getProperty("java.home"));
        this.env = Map.copyOf(copy);
        this.logFile = Objects.requireNonNull(logFile, "logFile").toAbsolutePath().normalize();
    }

    /**
     * Starts the domain and returns once asadmin reports it started.
     *
     * @throws IllegalStateException when this domain already runs, when its HTTP or admin port is taken by
     *                               another process (the message names the port), or when asadmin fails
     */
    public void start() {
        serverProcess().ifPresent(p -> {
            throw new IllegalStateException("Payara in " + payaraHome + " is already running (pid " + p.pid()
                    + "); stop it before starting it again.");
        });
        requirePortsFree();
        asadmin(START_TIMEOUT, "start-domain", DOMAIN);
    }

    /** Deploys (or redeploys, {@code --force}) an application archive under {@code name}. */
    public void deploy(Path archive, String name) {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(name, "name");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException("No archive to deploy at " + archive.toAbsolutePath());
        }
        asadmin(DEPLOY_TIMEOUT, "deploy", "--force=true", "--name", name, archive.toAbsolutePath().toString());
    }

    public void undeploy(String name) {
        asadmin(COMMAND_TIMEOUT, "undeploy", Objects.requireNonNull(name, "name"));
    }

    /**
     * Whether the domain's configuration holds an application of this name. Read from {@code domain.xml} rather
     * than through asadmin, which would cost a JVM start.
     */
    public boolean isDeployed(String name) {
        Objects.requireNonNull(name, "name");
        NodeList applications = domainXml().getElementsByTagName("application");
        for (int i = 0; i < applications.getLength(); i++) {
            Element application = (Element) applications.item(i);
            if (name.equals(application.getAttribute("name"))
                    && "applications".equals(application.getParentNode().getNodeName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops the domain through asadmin and waits until its JVM has exited; if asadmin fails or the JVM is still
     * there 30 s later, kills it. Does nothing when the domain is not running.
     */
    public void stop() {
        Optional<ProcessHandle> server = serverProcess();
        if (server.isEmpty()) {
            return;
        }
        try {
            asadmin(COMMAND_TIMEOUT, "stop-domain", DOMAIN);
        } catch (RuntimeException e) {
            appendLog("stop-domain failed (" + e.getMessage().lines().findFirst().orElse("") + "); killing pid "
                    + server.get().pid());
        }
        if (!awaitExit(server.get(), Duration.ofSeconds(30))) {
            killHard();
        }
    }

    /**
     * Kills the server JVM at once (SIGKILL), as a crash would: the pid comes from
     * {@code glassfish/domains/domain1/config/pid}. Waits until the process is gone.
     */
    public void killHard() {
        serverProcess().ifPresent(p -> {
            p.destroyForcibly();
            if (!awaitExit(p, Duration.ofSeconds(30))) {
                throw new IllegalStateException("Payara pid " + p.pid() + " survived SIGKILL for 30 s");
            }
        });
    }

    public boolean isRunning() {
        return serverProcess().isPresent();
    }

    /**
     * The server JVM named by the domain's pid file, if it is alive. A stale file (left by kill -9) may name a
     * pid reused by another program, so only a java process counts.
     */
    public Optional<ProcessHandle> serverProcess() {
        Path pidFile = domainDir().resolve("config/pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(true));
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty(); // removed or half written by a server that is stopping or starting
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + pidFile, e);
        }
    }

    /**
     * Waits until the application at {@code appBase} (for example {@code http://localhost:8080/}) is ready:
     * {@code GET health/ready} answers 200 (MicroProfile Health, UP), or 404 when the application has no health
     * endpoint; and then {@code GET api/v1/me} answers 401 or 200, which shows the REST API is deployed.
     * {@code health/ready} answering 503 (DOWN) means wait.
     *
     * @throws IllegalStateException when the server process dies, when the REST API still answers something
     *                               else 30 s after the server is otherwise up ("API missing"), or on timeout;
     *                               the message says what was seen last and where the server log is
     */
    public void waitUntilReady(URI appBase, Duration timeout) {
        Objects.requireNonNull(appBase, "appBase");
        Objects.requireNonNull(timeout, "timeout");
        URI base = appBase.toString().endsWith("/") ? appBase : URI.create(appBase + "/");
        Instant deadline = Instant.now().plus(timeout);
        Instant apiMissingSince = null;
        String lastSeen = "nothing yet";
        while (true) {
            if (!isRunning()) {
                throw new IllegalStateException("Payara stopped while waiting for " + base + " to become ready; see "
                        + serverLog());
            }
            int health = status(base.resolve("health/ready"));
            if (health == 200 || health == 404) {
                int me = status(base.resolve("api/v1/me"));
                if (me == 401 || me == 200) {
                    return;
                }
                lastSeen = "GET /health/ready answered " + health + " but GET /api/v1/me answered " + describe(me);
                if (apiMissingSince == null) {
                    apiMissingSince = Instant.now();
                } else if (Instant.now().isAfter(apiMissingSince.plus(API_MISSING_GRACE))) {
                    throw new IllegalStateException("The application is deployed but its REST API is missing: "
                            + lastSeen + " for " + API_MISSING_GRACE.toSeconds() + " s (expected 401 without"
                            + " credentials). See " + serverLog());
                }
            } else {
                apiMissingSince = null;
                lastSeen = "GET /health/ready answered " + describe(health);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not ready after " + timeout.toSeconds() + " s: " + lastSeen + ". See "
                        + serverLog());
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    public Path payaraHome() {
        return payaraHome;
    }

    public Path serverLog() {
        return domainDir().resolve("logs/server.log");
    }

    public Path asadminLog() {
        return logFile;
    }

    /** Port of {@code http-listener-1} in the domain's configuration (8080 unless changed). */
    public int httpPort() {
        return listenerPorts().getOrDefault("http-listener-1", 8080);
    }

    /** Port of the administration listener (4848 unless changed). */
    public int adminPort() {
        return listenerPorts().getOrDefault("admin-listener", 4848);
    }

    private Path domainDir() {
        return payaraHome.resolve("glassfish/domains/" + DOMAIN);
    }

    /**
     * Fails with a message naming the port when something already listens on a port the domain needs.
     * Binding on the wildcard address is what Payara will do, so a failure here is a failure there.
     */
    void requirePortsFree() {
        for (Map.Entry<String, Integer> listener : listenerPorts().entrySet()) {
            int port = listener.getValue();
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
            } catch (BindException e) {
                throw new IllegalStateException("Cannot start Payara: port " + port + " (" + listener.getKey()
                        + ") is already in use by another process. Stop that process (find it with: ss -ltnp 'sport = :"
                        + port + "'), for example a Payara left running by an earlier run or by the integration tests.", e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot check port " + port, e);
            }
        }
    }

    /**
     * Sets the largest request line plus headers that {@code http-listener-1} reads (Payara's
     * {@code header-buffer-length-bytes}, 8 KiB by default), in {@code domain.xml}, before the domain starts. A request
     * over the limit gets Grizzly's bare 400 before the application sees it; under it, the application answers with
     * its own problem (for example a search query that is too long). Does nothing when the value is already set.
     */
    public void setMaxRequestHeaderBytes(int bytes) {
        Document xml = domainXml();
        Element http = serverConfigHttp(xml, "http-listener-1");
        if (Integer.toString(bytes).equals(http.getAttribute("header-buffer-length-bytes"))) {
            return;
        }
        http.setAttribute("header-buffer-length-bytes", Integer.toString(bytes));
        Path file = domainDir().resolve("config/domain.xml");
        try (var out = Files.newOutputStream(file)) {
            javax.xml.transform.TransformerFactory factory = javax.xml.transform.TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newTransformer().transform(new javax.xml.transform.dom.DOMSource(xml),
                    new javax.xml.transform.stream.StreamResult(out));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The {@code <http>} element of a protocol of {@code server-config}. */
    private Element serverConfigHttp(Document xml, String protocolName) {
        for (Element protocol : serverConfigElements(xml, "protocol")) {
            NodeList http = protocol.getElementsByTagName("http");
            if (protocolName.equals(protocol.getAttribute("name")) && http.getLength() > 0) {
                return (Element) http.item(0);
            }
        }
        throw new IllegalStateException("No protocol " + protocolName + " with an <http> element in the server-config of "
                + domainDir().resolve("config/domain.xml"));
    }

    /** Ports of the {@code server-config} network listeners, read from {@code domain.xml}. */
    Map<String, Integer> listenerPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Element listener : serverConfigElements(domainXml(), "network-listener")) {
            String port = listener.getAttribute("port");
            if (port.matches("\\d+") && !"false".equals(listener.getAttribute("enabled"))) {
                ports.put(listener.getAttribute("name"), Integer.parseInt(port));
            }
        }
        return ports;
    }

    /** The elements of this name inside the {@code server-config} configuration (not the {@code default-config}). */
    private static List<Element> serverConfigElements(Document xml, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList configs = xml.getElementsByTagName("config");
        for (int i = 0; i < configs.getLength(); i++) {
            Element config = (Element) configs.item(i);
            if ("server-config".equals(config.getAttribute("name"))) {
                NodeList elements = config.getElementsByTagName(tag);
                for (int j = 0; j < elements.getLength(); j++) {
                    out.add((Element) elements.item(j));
                }
            }
        }
        return out;
    }

    private Document domainXml() {
        Path domainXml = domainDir().resolve("config/domain.xml");
        if (!Files.isRegularFile(domainXml)) {
            throw new IllegalStateException("No Payara domain at " + domainDir() + " (missing config/domain.xml)");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(domainXml.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + domainXml + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs asadmin non-interactively, appending its output to the log file, and returns that output.
     *
     * @throws IllegalStateException with the last lines of the output when asadmin fails or times out
     */
    private List<String> asadmin(Duration timeout, String... args) {
        Path asadmin = payaraHome.resolve("glassfish/bin/asadmin");
        if (!Files.isExecutable(asadmin)) {
            throw new IllegalStateException("No executable asadmin at " + asadmin);
        }
        List<String> command = new ArrayList<>();
        command.add(asadmin.toString());
        command.add("--interactive=false");
        command.addAll(List.of(args));
        String shown = "asadmin " + String.join(" ", args);
        try {
            Files.createDirectories(logFile.getParent());
            appendLog("$ " + shown);
            long offset = Files.size(logFile);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(payaraHome.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            List<String> output = readFrom(offset);
            if (!finished) {
                throw new IllegalStateException(shown + " did not finish within " + timeout.toSeconds() + " s. "
                        + tail(output) + "See " + logFile + " and " + serverLog());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(shown + " failed (exit " + process.exitValue() + "):\n"
                        + tail(output) + "See " + logFile + " and " + serverLog());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + shown, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + shown, e);
        }
    }

    private List<String> readFrom(long offset) throws IOException {
        byte[] all = Files.readAllBytes(logFile);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
    }

    private static String tail(List<String> lines) {
        Deque<String> last = new ArrayDeque<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                last.addLast(line);
                if (last.size() > 25) {
                    last.removeFirst();
                }
            }
        }
        StringBuilder text = new StringBuilder();
        last.forEach(l -> text.append("  | ").append(l).append('\n'));
        return text.toString();
    }

    private void appendLog(String line) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "[" + Instant.now() + "] " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + logFile, e);
        }
    }

    /** HTTP status of a GET, or -1 when nothing answers. */
    private int status(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + uri, e);
        }
    }

    private static String describe(int status) {
        return status < 0 ? "nothing (connection refused or timed out)" : Integer.toString(status);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "PayaraDomain[" + payaraHome + "]";
    }
}
