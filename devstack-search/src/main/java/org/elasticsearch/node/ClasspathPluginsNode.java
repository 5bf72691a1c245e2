package org.elasticsearch.node;

import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;
import java.util.List;

/**
 * A {@link Node} whose plugins are class-path classes (see {@link ClasspathPluginsService}). It lives in
 * {@code org.elasticsearch.node} because {@link NodeConstruction#prepareConstruction} and
 * {@link NodeServiceProvider} are package-private; this is the same seam Elasticsearch's own test
 * framework uses, without its JUnit 4 and randomized-testing baggage.
 *
 * <p>Development and test only: it relies on Elasticsearch internals of the pinned version.
 */
public final class ClasspathPluginsNode extends Node {

    public ClasspathPluginsNode(Environment environment, Collection<Class<? extends Plugin>> pluginClasses) {
        super(NodeConstruction.prepareConstruction(environment, null, new ClasspathServiceProvider(List.copyOf(pluginClasses)), true));
    }

    /**
     * The upstream listener records node and cluster id for log lines in JVM-wide set-once fields, so a
     * second node in the same JVM (a restart in a test) fails on them. Our log lines do without the ids.
     */
    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
    }

    private static final class ClasspathServiceProvider extends NodeServiceProvider {
        private final List<Class<? extends Plugin>> pluginClasses;

        ClasspathServiceProvider(List<Class<? extends Plugin>> pluginClasses) {
            this.pluginClasses = pluginClasses;
        }

        @Override
        PluginsService newPluginService(Environment environment, PluginsLoader ignored) {
            return new ClasspathPluginsService(environment.settings(), environment.configDir(), pluginClasses);
        }
    }
}
