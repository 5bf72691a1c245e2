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
    void refusesValuesOutsideNicesRange() {
        assertThrows(IllegalArgumentException.class, () -> ThreadPriority.lowerCurrentThread(0));
        assertThrows(IllegalArgumentException.class, () -> ThreadPriority.lowerCurrentThread(20));
    }
}
