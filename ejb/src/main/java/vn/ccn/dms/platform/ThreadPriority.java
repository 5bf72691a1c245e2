package vn.ccn.dms.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the CPU priority of the calling thread on Linux, for background work that must not take the processor
 * from requests a person is waiting for (text extraction and OCR after an upload).
 *
 * <p>Java's thread priorities are ignored by the JVM on Linux unless it runs as root, so the thread's nice value is
 * raised with {@code renice} (util-linux, on every Debian system) for its kernel thread id, read from
 * {@code /proc/thread-self}. Raising one's own nice value needs no privilege; processes the thread starts afterwards
 * (Tesseract) inherit it, and so does the JDK's process reaper thread if the first process of the JVM is started
 * here (it only waits for child processes to end). It cannot be lowered again without privilege, so only threads
 * that do nothing else call this. Anywhere else (no {@code /proc/thread-self}, no {@code renice}) nothing changes and the caller is told so.
 */
public final class ThreadPriority {

    private static final Logger LOG = Logger.getLogger(ThreadPriority.class.getName());
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private ThreadPriority() {
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (1..19; higher is a smaller share of the processor when it
     * is contended; an idle processor still runs the thread at full speed).
     *
     * @return whether the thread now runs at that nice value
     */
    public static boolean lowerCurrentThread(int nice) {
        if (nice < 1 || nice > 19) {
            throw new IllegalArgumentException("nice must be 1..19, was " + nice);
        }
        OptionalInt tid = currentThreadId();
        if (tid.isEmpty()) {
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", Integer.toString(tid.getAsInt()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return false;
            }
            return renice.exitValue() == 0 && currentNice().orElse(0) == nice;
        } catch (IOException e) {
            LOG.log(Level.FINE, "renice is not available", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value as the kernel reports it, where it does. */
    public static OptionalInt currentNice() {
        try {
            return OptionalInt.of(niceOf(Files.readString(THREAD_SELF.resolve("stat"), StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The nice value in the text of a {@code /proc/<pid>[/task/<tid>]/stat} file. */
    public static int niceOf(String stat) {
        // Fields after the command name, which is in parentheses and may contain spaces: state is field 3,
        // nice field 19 (proc(5)).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    /**
     * A thread of {@code factory} for background work: it names itself {@code name} (ps, top and thread dumps show
     * the first 15 characters), lowers its priority to {@code nice} (0: unchanged), running {@code cannotLower} if that
     * fails, and then runs {@code work}.
     */
    public static Thread newBackgroundThread(ThreadFactory factory, String name, int nice, Runnable cannotLower,
            Runnable work) {
        return factory.newThread(() -> {
            Thread.currentThread().setName(name);
            if (nice > 0 && !lowerCurrentThread(nice)) {
                cannotLower.run();
            }
            work.run();
        });
    }

    private static OptionalInt currentThreadId() {
        try {
            // "<pid>/task/<tid>"
            String target = Files.readSymbolicLink(THREAD_SELF).toString();
            return OptionalInt.of(Integer.parseInt(target.substring(target.lastIndexOf('/') + 1)));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
