package vn.ccn.dms.devstack.search;

import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;

/**
 * Registers the {@code asciifolding} token filter that the search index's {@code vi_folding} analyzer and
 * its number/symbol normalizer use. A production cluster has it from its bundled {@code analysis-common}
 * module; the embedded node gets it from here, under the same name and settings, so one index definition
 * works on both.
 */
public final class FoldingAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(AsciiFoldingTokenFilterFactory.NAME,
                (indexSettings, environment, name, settings) -> new AsciiFoldingTokenFilterFactory(name, settings));
    }
}
