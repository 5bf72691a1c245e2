package vn.ccn.dms.pades.testpki;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Optional system tools: missing ones fail the test under CI=true and skip it elsewhere. */
public final class SystemTools {

    private SystemTools() {
    }

    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        String message = what + " is not installed (Debian: apt-get install -y " + what + ")";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true and " + message);
        }
        Assumptions.assumeTrue(false, message + "; skipped outside CI");
    }

    public static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command, returns stdout+stderr; fails on timeout. */
    public static String run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timeout: " + command);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
