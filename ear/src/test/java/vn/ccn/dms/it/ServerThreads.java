package vn.ccn.dms.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.ccn.dms.platform.ThreadPriority;

/**
 * The threads of the Payara process the tests run against, as the Linux kernel sees them: their names (the first 15
 * characters Java gave them) and their nice values, read from {@code /proc/<pid>/task}.
 */
public final class ServerThreads {

    private ServerThreads() {
    }

    private static long pid() throws IOException {
        Path pidFile = Path.of(System.getProperty("payara.home")).resolve("glassfish/domains/domain1/config/pid");
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    /** The nice value the server process was started with (its main thread's), which its threads inherit. */
    public static int processNice() throws IOException {
        return ThreadPriority.niceOf(Files.readString(Path.of("/proc", Long.toString(pid()), "stat"), StandardCharsets.US_ASCII));
    }

    /** @return thread id → nice value of every server thread whose kernel name starts with {@code prefix} */
    public static Map<Integer, Integer> niceOf(String prefix) throws IOException {
        long pid = pid();
        Map<Integer, Integer> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String comm = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
                    if (comm.startsWith(prefix)) {
                        out.put(Integer.parseInt(task.getFileName().toString()),
                                ThreadPriority.niceOf(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII)));
                    }
                } catch (IOException ended) {
                    // the thread ended while the list was read
                }
            }
        }
        return out;
    }
}
