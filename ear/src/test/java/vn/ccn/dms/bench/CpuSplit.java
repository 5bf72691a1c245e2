package vn.ccn.dms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during one phase of a benchmark, from {@code /proc} (Linux): CPU seconds per kind of
 * process (Payara, PostgreSQL, Elasticsearch, this benchmark's JVM, OCR, others) and the share left idle. It tells
 * whether a rate was bound by the CPU or by waiting (a lock, the disk), which a rate alone cannot.
 */
public final class CpuSplit {

    private static final long TICKS = 100; // USER_HZ on Linux
    private final Map<String, Long> startTicks;
    private final long[] startTotal;
    private final Map<String, Long> startThreads;
    private final long self = ProcessHandle.current().pid();

    private CpuSplit() {
        startTicks = processTicks();
        startTotal = machineTicks();
        startThreads = payaraThreadTicks();
    }

    public static CpuSplit start() {
        return new CpuSplit();
    }

    /** One markdown line: seconds of CPU per kind and idle share since {@link #start()}. */
    public String report() {
        Map<String, Long> end = processTicks();
        long[] total = machineTicks();
        Map<String, Long> byKind = new TreeMap<>();
        end.forEach((key, ticks) -> {
            long used = ticks - startTicks.getOrDefault(key, 0L);
            if (used > 0) {
                byKind.merge(key.substring(key.indexOf(' ') + 1), used, Long::sum);
            }
        });
        long all = total[0] - startTotal[0];
        long idle = total[1] - startTotal[1];
        StringBuilder line = new StringBuilder();
        byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(String.format("%s %.1f s (%.0f %%), ", e.getKey(), e.getValue() / (double) TICKS,
                        all == 0 ? 0 : 100.0 * e.getValue() / all)));
        Map<String, Long> threads = payaraThreadTicks();
        long compiler = threads.getOrDefault(JIT, 0L) - startThreads.getOrDefault(JIT, 0L);
        line.append(String.format("of which Payara's JIT compiler threads %.1f s (%.0f %%), ", compiler / (double) TICKS,
                all == 0 ? 0 : 100.0 * compiler / all));
        long attributed = byKind.values().stream().mapToLong(Long::longValue).sum();
        long ended = Math.max(0, all - idle - attributed); // processes that started and ended in the phase (OCR)
        line.append(String.format("processes ended meanwhile %.1f s (%.0f %%), ", ended / (double) TICKS,
                all == 0 ? 0 : 100.0 * ended / all));
        line.append(String.format("idle %.0f %%", all == 0 ? 0 : 100.0 * idle / all));
        line.append("; Payara by thread:");
        threads.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - startThreads.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s %.1f s,", e.getKey(), e.getValue() / (double) TICKS)));
        line.setLength(line.length() - 1);
        return line.toString();
    }

    /**
     * The share of Payara's CPU its JIT compiler threads took since {@link #start()}: while it is high, the server is
     * still compiling the measured path and a rate measured then is not the one it keeps.
     */
    public double compilerShareOfPayara() {
        long payara = 0;
        for (Map.Entry<String, Long> e : processTicks().entrySet()) {
            if (e.getKey().endsWith(" Payara")) {
                payara += e.getValue() - startTicks.getOrDefault(e.getKey(), 0L);
            }
        }
        return payara == 0 ? 0 : (payaraThreadTicks().getOrDefault(JIT, 0L) - startThreads.getOrDefault(JIT, 0L)) / (double) payara;
    }

    private static final String JIT = "JIT compiler";

    /**
     * What a Payara thread does, from the name the kernel keeps (15 characters): the request threads, the JIT
     * compiler, the application's background threads (named by it), the EJB timers (indexing and outbox workers), GC.
     */
    static String threadGroup(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return JIT;
        }
        if (name.startsWith("http-thread-po")) {
            return "requests";
        }
        if (name.startsWith("dms-extraction")) {
            return "extraction";
        }
        if (name.startsWith("dms-signature")) {
            return "signature validation";
        }
        if (name.startsWith("__ejb-thread-po")) {
            return "EJB timers (indexing, outbox)";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "GC";
        }
        return "other";
    }

    /** CPU ticks per thread group of the Payara process(es), of the threads alive now. */
    private Map<String, Long> payaraThreadTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        for (String key : processTicks().keySet()) {
            if (!key.endsWith(" Payara")) {
                continue;
            }
            Path tasks = Path.of("/proc", key.substring(0, key.indexOf(' ')), "task");
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path t : (Iterable<Path>) threads::iterator) {
                    try {
                        String stat = Files.readString(t.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(threadGroup(name), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended between the listing and the read
                    }
                }
            } catch (IOException gone) {
                // the process ended
            }
        }
        return ticks;
    }

    /** utime + stime per "pid kind" of every process readable now. */
    private Map<String, Long> processTicks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    ticks.put(p.getFileName() + " " + kind(p, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))), used);
                } catch (IOException | RuntimeException gone) {
                    // the process ended between the listing and the read
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return ticks;
    }

    private String kind(Path proc, String comm) throws IOException {
        if (Long.parseLong(proc.getFileName().toString()) == self) {
            return "benchmark client";
        }
        if (comm.startsWith("postgres")) {
            return "PostgreSQL";
        }
        if (comm.equals("java")) {
            String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")));
            return cmd.contains("ASMain") ? "Payara" : cmd.contains("lasticsearch") ? "Elasticsearch" : "other JVM";
        }
        return comm.startsWith("tesseract") ? "Tesseract" : "other";
    }

    /** Total and idle (idle + iowait) ticks of the machine. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }
}
