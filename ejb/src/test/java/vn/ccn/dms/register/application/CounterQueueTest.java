package vn.ccn.dms.register.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CounterQueueTest {

    @Test
    void oneTurnPerSeriesAtATimeAndAWaitThatRunsOutGoesOnWithoutOne() {
        CounterQueue queue = new CounterQueue(50);
        CounterQueue.Turn first = queue.enter("7/2026").orElseThrow();
        assertTrue(queue.enter("7/2026").isEmpty(), "the series is taken: the wait runs out");
        assertTrue(queue.enter("8/2026").isPresent(), "another register is another queue");
        assertTrue(queue.enter("7/2027").isPresent(), "another year is another queue");
        first.leave();
        assertTrue(queue.enter("7/2026").isPresent(), "left: the next request gets the turn");
    }

    @Test
    void aTurnIsLeftOnceHoweverOftenLeaveIsCalled() {
        CounterQueue queue = new CounterQueue(50);
        CounterQueue.Turn first = queue.enter("s").orElseThrow();
        first.leave();
        first.leave();
        CounterQueue.Turn second = queue.enter("s").orElseThrow();
        assertTrue(queue.enter("s").isEmpty(), "a second leave() must not let two requests in at once");
        second.leave();
    }

    @Test
    void waitersGetTheirTurnsInArrivalOrder() throws Exception {
        CounterQueue queue = new CounterQueue(10_000);
        CounterQueue.Turn held = queue.enter("s").orElseThrow();
        List<String> order = new CopyOnWriteArrayList<>();
        Thread a = waiter(queue, "a", order);
        a.start();
        awaitParked(a);
        Thread b = waiter(queue, "b", order);
        b.start();
        awaitParked(b);
        held.leave();
        a.join(5_000);
        b.join(5_000);
        assertEquals(List.of("a", "b"), order);
    }

    @Test
    void offMeansNoTurnAndNoWait() {
        CounterQueue off = new CounterQueue(0);
        assertTrue(off.enter("s").isEmpty());
        assertTrue(off.enter("s").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new CounterQueue(-1));
    }

    @Test
    void anInterruptedWaiterGoesOnWithoutATurnAndKeepsItsInterrupt() throws Exception {
        CounterQueue queue = new CounterQueue(10_000);
        CounterQueue.Turn held = queue.enter("s").orElseThrow();
        Optional<?>[] result = new Optional<?>[1];
        boolean[] stillInterrupted = new boolean[1];
        Thread t = new Thread(() -> {
            result[0] = queue.enter("s");
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        t.start();
        awaitParked(t);
        t.interrupt();
        t.join(5_000);
        assertFalse(t.isAlive());
        assertTrue(result[0].isEmpty());
        assertTrue(stillInterrupted[0]);
        held.leave();
        assertTrue(queue.enter("s").isPresent(), "the interrupted waiter took nothing");
    }

    private static Thread waiter(CounterQueue queue, String name, List<String> order) {
        return new Thread(() -> queue.enter("s").ifPresent(turn -> {
            order.add(name);
            turn.leave();
        }));
    }

    private static void awaitParked(Thread t) throws InterruptedException {
        for (int i = 0; i < 500 && t.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.sleep(10);
        }
        assertEquals(Thread.State.TIMED_WAITING, t.getState(), "the thread should be waiting for its turn");
    }
}
