package vn.ccn.dms.search.elasticsearch;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the {@link TestCluster} into test methods and {@code @BeforeAll} methods. */
final class ElasticsearchNodeExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String external = System.getProperty(TestCluster.URL_PROPERTY, "");
        return new TestCluster(external.isBlank() ? EmbeddedNode.get(context).httpUrl() : external.strip());
    }
}
