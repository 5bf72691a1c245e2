package org.elasticsearch.plugins;

import org.elasticsearch.common.settings.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link PluginsService} whose plugins are classes already on the class path, instead of bundles
 * unpacked under {@code plugins/} and {@code modules/} of a distribution. Elastic publishes the server
 * and {@code transport-netty4} jars to Maven Central but no distribution, so the development node is
 * assembled from classes. It lives in {@code org.elasticsearch.plugins} because {@link LoadedPlugin},
 * {@link #loadPlugin} and {@link #loadExtensions} are package-private.
 *
 * <p>Development and test only: it relies on Elasticsearch internals of the pinned version.
 */
public final class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Settings settings, Path configDir, Collection<Class<? extends Plugin>> pluginClasses) {
        // No bundles on disk: the parent loads nothing and we supply the plugins through plugins().
        super(settings, configDir, new PluginsLoader(Set.of(), Set.of(), Map.of()));
        Objects.requireNonNull(pluginClasses, "pluginClasses");
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin instance = loadPlugin(pluginClass, settings, configDir);
            PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getName(),
                "loaded from the class path",
                "NA",
                org.elasticsearch.Build.current().version(),
                Integer.toString(Runtime.version().feature()),
                pluginClass.getName(),
                null,
                List.of(),
                false,
                false,
                false,
                false
            );
            loaded.add(new LoadedPlugin(descriptor, instance, pluginClass.getClassLoader()));
        }
        loadExtensions(loaded);
        this.classpathPlugins = List.copyOf(loaded);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    /**
     * Every class-path plugin shares the application class loader, so the per-plugin SPI lookup of the
     * parent finds each provider once per plugin. Keep one instance per provider class.
     */
    @Override
    public <T> List<? extends T> loadServiceProviders(Class<T> service) {
        Map<Class<?>, T> byClass = new IdentityHashMap<>();
        List<T> unique = new ArrayList<>();
        for (T provider : super.loadServiceProviders(service)) {
            if (byClass.putIfAbsent(provider.getClass(), provider) == null) {
                unique.add(provider);
            }
        }
        return Collections.unmodifiableList(unique);
    }
}
