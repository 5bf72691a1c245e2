package vn.ccn.dms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadPriorityTest {

    /** The project runs on Linux (CI too); elsewhere there is nothing to lower and the class says so. */
    private static void onLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Linux only");
    }

    @Test
    void aThreadLowersItsOwnPriorityAndNoOther() throws Exception {
        onLinux();
        int before = ThreadPriority.currentNice().orElseThrow();
        AtomicBoolean lowered = new AtomicBoolean();
        AtomicReference<OptionalInt> after = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            lowered.set(ThreadPriority.lowerCurrentThread(Math.min(before + 5, 19)));
            after.set(ThreadPriority.currentNice());
        });
        worker.start();
        worker.join();
        assertTrue(lowered.get(), "renice of the worker thread failed");
        assertEquals(OptionalInt.of(Math.min(before + 5, 19)), after.get());
        assertEquals(OptionalInt.of(before), ThreadPriority.currentNice(), "the calling thread must keep its priority");
    }

    @Test
    void aBackgroundThreadNamesAndLowersItselfBeforeItsWork() throws Exception {
        onLinux();
        int nice = Math.min(ThreadPriority.currentNice().orElseThrow() + 3, 19);
        AtomicReference<String> name = new AtomicReference<>();
        AtomicReference<OptionalInt> during = new AtomicReference<>();
        AtomicBoolean complained = new AtomicBoolean();
        Thread t = ThreadPriority.newBackgroundThread(java.util.concurrent.Executors.defaultThreadFactory(), "dms-test-bg", nice,
                () -> complained.set(true), () -> {
                    name.set(Thread.currentThread().getName());
                    during.set(ThreadPriority.currentNice());
                });
        t.start();
        t.join();
        assertEquals("dms-test-bg", name.get());
        assertEquals(OptionalInt.of(nice), during.get());
        assertTrue(!complained.get(), "lowering worked, so nothing to report");
    }

    @Test
    void theNiceValueIsReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (C2 Compiler (x)) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 20 19 40 0 100";
        assertEquals(19, ThreadPriority.niceOf(stat));
    }

    @Test
    void refusesValuesOutsideNicesRange() {
        assertThrows(IllegalArgumentException.class, () -> ThreadPriority.lowerCurrentThread(0));
        assertThrows(IllegalArgumentException.class, () -> ThreadPriority.lowerCurrentThread(20));
    }
}
