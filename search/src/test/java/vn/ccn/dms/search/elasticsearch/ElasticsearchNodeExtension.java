package vn.ccn.dms.search.elasticsearch;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import vn.ccn.dms.devstack.search.EmbeddedElasticsearch;

/** Injects the shared {@link EmbeddedElasticsearch} node into test methods and {@code @BeforeAll} methods. */
final class ElasticsearchNodeExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedElasticsearch.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return EmbeddedNode.get(context);
    }
}
