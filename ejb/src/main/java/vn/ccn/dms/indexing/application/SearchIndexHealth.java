package vn.ccn.dms.indexing.application;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import vn.ccn.dms.indexing.domain.OcrEngine;
import vn.ccn.dms.indexing.infrastructure.JdbcIndexingStore;
import vn.ccn.dms.search.DocumentIndex;
import vn.ccn.dms.search.IndexHealth;

/**
 * Health of search and indexing.
 *
 * <p>Readiness check {@code search-index}: reports the index state and the outbox backlog as data, and stays UP
 * when Elasticsearch is down. Readiness decides whether a node receives traffic; a node without its search
 * cluster still registers, stores and serves documents (issue 3: "uploads and everything else keep working"),
 * and taking every node out of the load balancer because the shared cluster is down would stop all of that.
 * Monitoring alerts on {@code searchAvailable=false} or a growing {@code outboxBacklog} instead.
 *
 * <p>Liveness check {@code indexing-worker}: DOWN only when the worker has been inside one poll for longer than
 * any batch can take (it is stuck), which a restart cures.
 */
public final class SearchIndexHealth {

    private SearchIndexHealth() {
    }

    @Readiness
    @ApplicationScoped
    public static class IndexReadiness implements HealthCheck {

        @Inject
        private DocumentIndex index;

        @EJB
        private JdbcIndexingStore store;

        @EJB
        private IndexingWorker worker;

        @Inject
        private OcrEngine ocr;

        @Override
        public HealthCheckResponse call() {
            HealthCheckResponseBuilder b = HealthCheckResponse.named("search-index").up();
            IndexHealth health = index.health();
            b.withData("searchAvailable", health.searchable())
                    .withData("indexStatus", health.status().name())
                    .withData("alias", health.alias())
                    .withData("index", String.valueOf(health.index()))
                    .withData("indexedDocuments", health.documentCount());
            if (!health.detail().isEmpty()) {
                b.withData("indexDetail", health.detail());
            }
            try {
                JdbcIndexingStore.Backlog backlog = store.backlog();
                b.withData("outboxBacklog", backlog.pending())
                        .withData("outboxRetrying", backlog.retrying())
                        .withData("oldestPendingSeconds", backlog.oldestPendingSeconds() == null ? 0 : backlog.oldestPendingSeconds())
                        .withData("documents", backlog.documents())
                        .withData("failedVersions", backlog.failedVersions());
                if (backlog.lastError() != null) {
                    b.withData("lastError", backlog.lastError().length() > 300 ? backlog.lastError().substring(0, 300)
                            : backlog.lastError());
                }
            } catch (RuntimeException e) {
                b.withData("outboxBacklog", "unknown: " + e.getClass().getSimpleName());
            }
            IndexingWorker.Status status = worker.status();
            b.withData("workerEnabled", status.enabled());
            if (status.lastSuccess() != null) {
                b.withData("workerLastSuccess", status.lastSuccess().toString());
            }
            // A boolean, not the Vietnamese description: health output is read by monitoring in any encoding.
            b.withData("ocrAvailable", ocr.available());
            return b.build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class WorkerLiveness implements HealthCheck {

        /** Far beyond a poll's drain budget plus one batch of extractions at their time limit. */
        static final Duration STUCK_AFTER = Duration.ofMinutes(30);

        @EJB
        private IndexingWorker worker;

        @Override
        public HealthCheckResponse call() {
            IndexingWorker.Status status = worker.status();
            boolean stuck = status.busy() && status.lastPoll() != null
                    && status.lastPoll().plus(STUCK_AFTER).isBefore(Instant.now());
            HealthCheckResponseBuilder b = HealthCheckResponse.named("indexing-worker").status(!stuck)
                    .withData("enabled", status.enabled())
                    .withData("busy", status.busy())
                    .withData("indexedSinceStart", status.indexedDocuments());
            if (status.lastPoll() != null) {
                b.withData("lastPoll", status.lastPoll().toString());
            }
            if (status.lastFailure() != null) {
                b.withData("lastFailure", status.lastFailure().length() > 300 ? status.lastFailure().substring(0, 300)
                        : status.lastFailure());
            }
            return b.build();
        }
    }
}
