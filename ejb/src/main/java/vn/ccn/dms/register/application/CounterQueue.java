package vn.ccn.dms.register.application;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * This node's queue in front of each numbering series' counter row (see {@link NumberingService}). One fair
 * semaphore per series: requests take their turn here, parked in the JVM, and PostgreSQL sees one waiter per node
 * on the row instead of one backend per request thread. Measured: 3.6 ms of PostgreSQL CPU per number with 100
 * concurrent requests queueing on the row, 1.45 ms with this queue (docs/benchmarks.md, session 6).
 *
 * <p>Only an optimisation, never the guarantee: a request that has waited {@code maxWaitMillis} goes to the row
 * anyway, so a transaction that takes two series in an order another takes them in cannot hang here; at worst
 * PostgreSQL then detects the deadlock on the rows as before.
 */
public final class CounterQueue {

    private final ConcurrentHashMap<String, Semaphore> series = new ConcurrentHashMap<>();
    private final long maxWaitMillis;

    /** @param maxWaitMillis longest wait for a turn; 0 turns the queue off */
    public CounterQueue(long maxWaitMillis) {
        if (maxWaitMillis < 0) {
            throw new IllegalArgumentException("maxWaitMillis must not be negative");
        }
        this.maxWaitMillis = maxWaitMillis;
    }

    /** A turn in one series' queue; the next waiter goes when it is left, which happens once however often called. */
    public static final class Turn {
        private final Semaphore semaphore;
        private final AtomicBoolean left = new AtomicBoolean();

        private Turn(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        public void leave() {
            if (left.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }

    /**
     * Waits for the series' turn. Empty when the queue is off, when the wait ran out, or when the thread was
     * interrupted (its interrupt flag is kept): the caller then goes to the counter row without a turn.
     */
    public Optional<Turn> enter(String seriesKey) {
        if (maxWaitMillis == 0) {
            return Optional.empty();
        }
        Semaphore s = series.computeIfAbsent(seriesKey, k -> new Semaphore(1, true));
        try {
            return s.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS) ? Optional.of(new Turn(s)) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
