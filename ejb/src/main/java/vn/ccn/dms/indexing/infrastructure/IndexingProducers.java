package vn.ccn.dms.indexing.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.ccn.dms.indexing.application.IndexingSettings;
import vn.ccn.dms.indexing.domain.OcrEngine;
import vn.ccn.dms.indexing.domain.TextExtractor;
import vn.ccn.dms.search.DocumentIndex;
import vn.ccn.dms.search.SearchSettings;
import vn.ccn.dms.search.elasticsearch.ElasticsearchDocumentIndex;

/**
 * Wires indexing from configuration: the Elasticsearch adapter at {@code dms.search.urls} (several URLs, API key
 * or user/password, CA certificate: {@link SearchSettings}), the indexing settings, Tika and Tesseract.
 * Creating the client does not contact the cluster, so the application deploys while Elasticsearch is down.
 */
@ApplicationScoped
public class IndexingProducers {

    private static final Logger LOG = Logger.getLogger(IndexingProducers.class.getName());

    private final Config config = ConfigProvider.getConfig(IndexingProducers.class.getClassLoader());

    private String value(String key) {
        return config.getOptionalValue(key, String.class).orElse(null);
    }

    @Produces
    @Singleton
    public IndexingSettings indexingSettings() {
        return IndexingSettings.from(this::value);
    }

    @Produces
    @Singleton
    public SearchSettings searchSettings() {
        SearchSettings settings = SearchSettings.from(this::value);
        LOG.info(() -> "search cluster: " + settings);
        return settings;
    }

    @Produces
    @Singleton
    public DocumentIndex documentIndex(SearchSettings settings, Clock clock) {
        return new ElasticsearchDocumentIndex(settings, clock);
    }

    public void close(@Disposes DocumentIndex index) {
        if (index instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine(() -> "closing the search client: " + e);
            }
        }
    }

    @Produces
    @Singleton
    public OcrEngine ocrEngine(IndexingSettings settings) {
        if (!settings.ocrEnabled()) {
            return new OcrEngine() {
                @Override
                public boolean available() {
                    return false;
                }

                @Override
                public String description() {
                    return "OCR tắt bởi cấu hình dms.indexing.ocr.enabled=false";
                }

                @Override
                public String recognize(java.nio.file.Path image, java.time.Duration timeout) throws java.io.IOException {
                    throw new java.io.IOException(description());
                }
            };
        }
        return new TesseractOcrEngine(settings.ocrCommand(), settings.ocrLanguages());
    }

    @Produces
    @Singleton
    public TextExtractor textExtractor(IndexingSettings settings, OcrEngine ocr) {
        return new TikaTextExtractor(settings.limits(), ocr);
    }
}
