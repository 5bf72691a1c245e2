package vn.ccn.dms.indexing.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.ccn.dms.document.domain.ContentStore;
import vn.ccn.dms.indexing.domain.ExtractedText;
import vn.ccn.dms.indexing.domain.StoredFileRef;
import vn.ccn.dms.indexing.domain.TextExtractor;
import vn.ccn.dms.indexing.infrastructure.JdbcIndexingStore;
import vn.ccn.dms.platform.ThreadPriority;

/**
 * Extracts files side by side on a fixed number of threads (a bounded queue behind them), storing each result as
 * soon as it is ready so that no batch holds many texts in memory. A file whose extraction overruns its deadline
 * is abandoned with a recorded failure; if its thread does not stop, the pool is replaced so that capacity
 * stays whole (the stuck thread ends with its parser, and is counted for health).
 */
@ApplicationScoped
public class ExtractionPool {

    private static final Logger LOG = Logger.getLogger(ExtractionPool.class.getName());
    /** Beyond the extractor's own deadline, before the task is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private IndexingSettings settings;

    @Inject
    private ContentStore store;

    @Inject
    private TextExtractor extractor;

    @EJB
    private JdbcIndexingStore indexingStore;

    private ThreadPoolExecutor executor;
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong extracted = new AtomicLong();
    private final AtomicBoolean priorityWarned = new AtomicBoolean();
    private final AtomicLong threadCount = new AtomicLong();
    /** Extractions queued or running, by content key: prefetched ones are joined rather than started again. */
    private final ConcurrentHashMap<String, Future<ExtractedText>> inFlight = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        executor = newExecutor();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private ThreadPoolExecutor newExecutor() {
        int n = settings.extractionThreads();
        return new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), this::newThread);
    }

    /**
     * The pool's own threads, at a lower CPU priority ({@code dms.indexing.extraction-nice}) before they take their
     * first file: extraction and OCR are most of what an upload costs the processor afterwards, and on a busy
     * server they would otherwise slow the uploads and searches people are waiting for. The outbox keeps the work,
     * so nothing is lost when extraction falls behind during a burst; it catches up when the processor is free.
     */
    private Thread newThread(Runnable work) {
        int nice = settings.extractionNice();
        return ThreadPriority.newBackgroundThread(threads, "dms-extraction-" + threadCount.incrementAndGet(), nice, () -> {
            if (!priorityWarned.getAndSet(true)) {
                LOG.warning("cannot lower the priority of the extraction threads (dms.indexing.extraction-nice=" + nice
                        + "); they run at the server's priority");
            }
        }, work);
    }

    /**
     * Starts extracting files ahead of the batch that needs them, without waiting: the indexing worker and the
     * rebuild hand over their next batch while they send the current one to the cluster, so the extraction threads
     * do not sit idle during the bulk request. A later {@link #extractAll} of the same blob waits for this extraction
     * instead of starting another.
     */
    public synchronized void prefetch(List<StoredFileRef> files) {
        ThreadPoolExecutor pool = executor;
        for (StoredFileRef f : files) {
            inFlight.computeIfAbsent(f.contentKey(), key -> submit(pool, f));
        }
    }

    /**
     * What a batch's extraction gave: the texts stored, and the blobs that could not be extracted now through no
     * fault of their own (the content store failed to read them, or their extraction was cancelled when the threads
     * were replaced). Those stay unextracted, so that a later attempt reads them again; the rest of the batch goes on.
     *
     * @param texts       the outcome per content key, stored
     * @param unavailable why each blob left out could not be extracted now, per content key
     */
    public record Extractions(Map<String, ExtractedText> texts, Map<String, String> unavailable) {
    }

    /**
     * Extracts and stores the text of each file (once per blob), joining extractions already under way. A blob the
     * content store cannot read is reported in {@link Extractions#unavailable()}, not thrown, so one unreadable file
     * holds back only the documents that contain it.
     */
    public synchronized Extractions extractAll(List<StoredFileRef> files) {
        Map<String, Future<ExtractedText>> futures = new LinkedHashMap<>();
        ThreadPoolExecutor pool = executor;
        for (StoredFileRef f : files) {
            futures.computeIfAbsent(f.contentKey(), key -> inFlight.computeIfAbsent(key, k -> submit(pool, f)));
        }
        Map<String, ExtractedText> out = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(futures.keySet());
        Duration limit = settings.limits().timePerFile().plus(GRACE);
        boolean replace = false;
        // Queued tasks start only when a thread frees up: the batch as a whole gets one file's time per round, plus
        // the rounds of a prefetched batch that may be queued ahead of it.
        long queuedAhead = Math.max(0, pool.getQueue().size() - keys.size());
        long rounds = (keys.size() + queuedAhead + settings.extractionThreads() - 1) / settings.extractionThreads();
        long deadline = System.nanoTime() + limit.toNanos() * Math.max(1, rounds);
        for (String key : keys) {
            Future<ExtractedText> future = futures.get(key);
            try {
                out.put(key, future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                future.cancel(true);
                abandoned.incrementAndGet();
                replace = true;
                ExtractedText failed = ExtractedText.failed("Trích xuất văn bản vượt quá thời gian cho phép ("
                        + settings.limits().timePerFile().toSeconds() + " giây) và đã bị dừng; tệp vẫn được lưu và"
                        + " tải về được.", null, limit);
                indexingStore.saveText(key, failed);
                out.put(key, failed);
            } catch (CancellationException e) {
                // Cancelled when the threads were replaced after another file overran: its document retries it.
                unavailable.put(key, "extraction cancelled when the extraction threads were replaced");
            } catch (ExecutionException e) {
                // The content store failed (not the file's fault): leave the blob unextracted, its document retries.
                LOG.log(Level.WARNING, "reading blob " + key + " failed", e.getCause());
                unavailable.put(key, "cannot read the stored file: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while extracting", e);
            }
        }
        if (replace) {
            LOG.warning("an extraction overran its deadline; replacing the extraction threads");
            executor = newExecutor();
            pool.shutdownNow();
            // Extractions queued on the old threads never start: drop them (their batches extract them again).
            List.copyOf(inFlight.values()).forEach(f -> f.cancel(true));
            inFlight.clear();
        }
        return new Extractions(out, unavailable);
    }

    /** A task that leaves {@link #inFlight} when it ends, however it ends. */
    private Future<ExtractedText> submit(ThreadPoolExecutor pool, StoredFileRef f) {
        FutureTask<ExtractedText> task = new FutureTask<>(() -> extractAndStore(f)) {
            @Override
            protected void done() {
                inFlight.remove(f.contentKey(), this);
            }
        };
        pool.execute(task);
        return task;
    }

    private ExtractedText extractAndStore(StoredFileRef f) throws Exception {
        ExtractedText result;
        try {
            Optional<Path> local = store.localFile(f.contentKey());
            if (local.isPresent()) {
                // Read in place: no copy of the blob to a temporary file (a PDF needs random access).
                result = extractor.extract(local.get(), f.sizeBytes(), f.mediaType(), f.fileName());
            } else {
                try (InputStream in = store.open(f.contentKey())) {
                    result = extractor.extract(in, f.sizeBytes(), f.mediaType(), f.fileName());
                }
            }
        } catch (OutOfMemoryError e) {
            // Rare with the limits in place; the heap is whole again once this file's objects are dropped.
            result = ExtractedText.failed("Tệp cần quá nhiều bộ nhớ để trích xuất văn bản; tệp vẫn được lưu và tải"
                    + " về được.", f.mediaType(), Duration.ZERO);
        }
        if (Thread.currentThread().isInterrupted()) {
            return result; // abandoned: the waiting side has recorded the timeout
        }
        indexingStore.saveText(f.contentKey(), result);
        extracted.incrementAndGet();
        return result;
    }

    /** Extractions abandoned at their deadline since start. */
    public long abandoned() {
        return abandoned.get();
    }

    /** Files extracted since start. */
    public long extracted() {
        return extracted.get();
    }
}
