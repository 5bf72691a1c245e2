package vn.ccn.dms.devstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What PayaraDomain decides before and after asadmin runs, on a fake installation (a domain.xml and a pid
 * file) and a fake HTTP server; starting the real Payara is the run command's and the integration tests' job.
 */
class PayaraDomainTest {

    @TempDir
    Path home;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void refusesToStartWhenTheHttpPortIsTakenAndSaysWhichPort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            int admin = freePort();
            writeDomainXml(busy.getLocalPort(), admin);
            PayaraDomain domain = new PayaraDomain(home, Map.of());

            IllegalStateException e = assertThrows(IllegalStateException.class, domain::start);

            assertTrue(e.getMessage().contains("port " + busy.getLocalPort() + " (http-listener-1) is already in use"),
                    e.getMessage());
            assertFalse(Files.exists(home.resolve("glassfish/domains/domain1/logs/asadmin.log")),
                    "asadmin must not have been run");
        }
    }

    @Test
    void refusesToStartWhenTheAdminPortIsTaken() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            writeDomainXml(freePort(), busy.getLocalPort());

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new PayaraDomain(home, Map.of()).start());

            assertTrue(e.getMessage().contains("port " + busy.getLocalPort() + " (admin-listener)"), e.getMessage());
        }
    }

    @Test
    void readsTheListenerPortsOfServerConfigOnly() throws Exception {
        writeDomainXml(18080, 14848);
        PayaraDomain domain = new PayaraDomain(home, Map.of());
        assertEquals(18080, domain.httpPort());
        assertEquals(14848, domain.adminPort());
        assertEquals(Map.of("http-listener-1", 18080, "admin-listener", 14848), domain.listenerPorts());
    }

    @Test
    void raisesTheRequestHeaderLimitOfTheApplicationsListenerOnly() throws Exception {
        Path config = home.resolve("glassfish/domains/domain1/config");
        Files.createDirectories(config);
        String protocols = """
                      <network-config><protocols>
                        <protocol name="http-listener-1"><http max-connections="250"><file-cache></file-cache></http></protocol>
                        <protocol name="admin-listener"><http max-connections="250"></http></protocol>
                      </protocols><network-listeners>
                        <network-listener port="%s" protocol="http-listener-1" name="http-listener-1"></network-listener>
                      </network-listeners></network-config>""";
        Files.writeString(config.resolve("domain.xml"), "<domain><configs><config name=\"server-config\">"
                + protocols.formatted("18080") + "</config><config name=\"default-config\">"
                + protocols.formatted("${HTTP_LISTENER_PORT}") + "</config></configs></domain>");
        PayaraDomain domain = new PayaraDomain(home, Map.of());

        domain.setMaxRequestHeaderBytes(65_536);

        String xml = Files.readString(config.resolve("domain.xml"));
        assertEquals(1, xml.split("header-buffer-length-bytes=\"65536\"", -1).length - 1, xml);
        assertTrue(xml.indexOf("header-buffer-length-bytes") < xml.indexOf("admin-listener"), "on http-listener-1: " + xml);
        assertTrue(xml.indexOf("header-buffer-length-bytes") < xml.indexOf("default-config"), "in server-config: " + xml);
        assertEquals(18080, domain.httpPort(), "the rest of the configuration reads as before");
        domain.setMaxRequestHeaderBytes(65_536);
        assertEquals(xml, Files.readString(config.resolve("domain.xml")), "unchanged when already set");
    }

    @Test
    void refusesToSetAHeaderLimitWithoutTheApplicationsListener() throws Exception {
        writeDomainXml(18080, 14848); // listeners, no protocols

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PayaraDomain(home, Map.of()).setMaxRequestHeaderBytes(65_536));

        assertTrue(e.getMessage().contains("http-listener-1"), e.getMessage());
    }

    @Test
    void knowsFromTheConfigurationWhetherAnApplicationIsDeployed() throws Exception {
        Path config = home.resolve("glassfish/domains/domain1/config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("domain.xml"), """
                <domain>
                  <system-applications><application name="__admingui" object-type="system-admin"/></system-applications>
                  <applications><application name="ccn-dms" object-type="user"/></applications>
                </domain>
                """);
        PayaraDomain domain = new PayaraDomain(home, Map.of());
        assertTrue(domain.isDeployed("ccn-dms"));
        assertFalse(domain.isDeployed("__admingui"), "system applications are not deployments");
        assertFalse(domain.isDeployed("other"));
    }

    @Test
    void aPidFileNamingADeadProcessIsNotARunningServer() throws Exception {
        writeDomainXml(freePort(), freePort());
        Process shortLived = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").redirectErrorStream(true).start();
        shortLived.getInputStream().readAllBytes();
        shortLived.waitFor();
        writePid(shortLived.pid());

        PayaraDomain domain = new PayaraDomain(home, Map.of());

        assertFalse(domain.isRunning());
        assertDoesNotThrow(domain::stop, "stopping a domain that is not running does nothing");
    }

    @Test
    void refusesToStartADomainThatIsAlreadyRunning() throws Exception {
        writeDomainXml(freePort(), freePort());
        writePid(ProcessHandle.current().pid()); // a live java process stands in for the server JVM

        PayaraDomain domain = new PayaraDomain(home, Map.of());

        assertTrue(domain.isRunning());
        IllegalStateException e = assertThrows(IllegalStateException.class, domain::start);
        assertTrue(e.getMessage().contains("already running (pid " + ProcessHandle.current().pid() + ")"),
                e.getMessage());
    }

    @Test
    void readyWhenTheApiAsksForCredentialsEvenWithoutAHealthEndpoint() throws Exception {
        writeDomainXml(freePort(), freePort());
        writePid(ProcessHandle.current().pid());
        URI base = fakeServer(404, 401);

        assertDoesNotThrow(() -> new PayaraDomain(home, Map.of()).waitUntilReady(base, Duration.ofSeconds(10)));
    }

    @Test
    void reportsAMissingApiWithWhatTheServerAnswered() throws Exception {
        writeDomainXml(freePort(), freePort());
        writePid(ProcessHandle.current().pid());
        URI base = fakeServer(200, 404);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PayaraDomain(home, Map.of()).waitUntilReady(base, Duration.ofSeconds(2)));

        assertTrue(e.getMessage().contains("GET /health/ready answered 200 but GET /api/v1/me answered 404"),
                e.getMessage());
    }

    @Test
    void keepsWaitingWhileHealthSaysDown() throws Exception {
        writeDomainXml(freePort(), freePort());
        writePid(ProcessHandle.current().pid());
        URI base = fakeServer(503, 401);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PayaraDomain(home, Map.of()).waitUntilReady(base, Duration.ofSeconds(2)));

        assertTrue(e.getMessage().contains("Not ready after 2 s: GET /health/ready answered 503"), e.getMessage());
    }

    private URI fakeServer(int health, int me) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health/ready", x -> {
            x.sendResponseHeaders(health, -1);
            x.close();
        });
        server.createContext("/api/v1/me", x -> {
            x.sendResponseHeaders(me, -1);
            x.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void writeDomainXml(int httpPort, int adminPort) throws IOException {
        Path config = home.resolve("glassfish/domains/domain1/config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("domain.xml"), """
                <domain>
                  <configs>
                    <config name="server-config">
                      <network-config><network-listeners>
                        <network-listener port="%d" protocol="http-listener-1" name="http-listener-1"></network-listener>
                        <network-listener port="%d" protocol="admin-listener" name="admin-listener"></network-listener>
                      </network-listeners></network-config>
                    </config>
                    <config name="default-config">
                      <network-config><network-listeners>
                        <network-listener port="${HTTP_LISTENER_PORT}" name="http-listener-1"></network-listener>
                      </network-listeners></network-config>
                    </config>
                  </configs>
                </domain>
                """.formatted(httpPort, adminPort));
    }

    private void writePid(long pid) throws IOException {
        Files.writeString(home.resolve("glassfish/domains/domain1/config/pid"), Long.toString(pid));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
