package vn.ccn.dms.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The Payara domain the Arquillian adapter started: killed hard and started again by the crash test. */
final class PayaraProcess {

    private PayaraProcess() {
    }

    private static Path home() {
        return Path.of(System.getProperty("payara.home"));
    }

    static void killHard() throws Exception {
        Path pidFile = home().resolve("glassfish/domains/domain1/config/pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no server " + pid));
        server.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush, no transaction completion
        server.onExit().get(30, TimeUnit.SECONDS).pid();
        Files.deleteIfExists(pidFile);
    }

    static void start() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(home().resolve("bin/asadmin").toString(), "start-domain", "domain1")
                .redirectErrorStream(true).redirectOutput(home().resolve("../restart.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("asadmin start-domain failed, see " + home().resolve("../restart.log"));
        }
    }

    static void awaitApplication(Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            try {
                if (Api.anonymous().get("api/v1/me").status() == 401) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not come back within " + timeout);
    }
}
