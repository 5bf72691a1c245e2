package vn.ccn.dms.devstack.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * The {@code asciifolding} token filter over Lucene's {@link ASCIIFoldingFilter}, with the same name and
 * the same {@code preserve_original} setting as the one in Elasticsearch's {@code analysis-common}
 * module (which is not published to Maven Central). Folding maps Vietnamese letters to their base
 * Latin letter (ế → e, đ → d), so text typed without diacritics still matches.
 */
final class AsciiFoldingTokenFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    static final String NAME = "asciifolding";

    private final boolean preserveOriginal;

    AsciiFoldingTokenFilterFactory(String name, Settings settings) {
        super(name, settings);
        this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream, preserveOriginal);
    }

    /**
     * Keyword normalizers and the analysis of multi-term queries need exactly one token per input, so
     * here the original is never kept, as in the upstream filter.
     */
    @Override
    public TokenStream normalize(TokenStream tokenStream) {
        return new ASCIIFoldingFilter(tokenStream, false);
    }
}
