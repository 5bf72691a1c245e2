package vn.ccn.dms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.ccn.dms.document.application.DocumentService;
import vn.ccn.dms.web.api.DocumentResource;

/**
 * Session beans are injected with {@code @EJB}, not {@code @Inject}, everywhere but in the Faces backing beans
 * (docs/architecture.md): through a CDI proxy every call to one of our no-interface beans makes Payara throw and
 * catch an exception, 12 % of a number's request-thread CPU in the profile (docs/benchmarks.md, session 6).
 * Checks the compiled classes of the {@code ejb} module and of the REST resources and security of {@code web}.
 */
class SessionBeanInjectionTest {

    private static final List<String> WEB_PACKAGES = List.of("vn/ccn/dms/web/api/", "vn/ccn/dms/web/security/");

    @Test
    void sessionBeansAreInjectedWithEjbOutsideTheFacesBeans() throws Exception {
        List<String> classes = new ArrayList<>(classNames(DocumentService.class, List.of("vn/ccn/dms/")));
        int ejbClasses = classes.size();
        classes.addAll(classNames(DocumentResource.class, WEB_PACKAGES));
        assertTrue(ejbClasses > 100 && classes.size() > ejbClasses + 20,
                "the scan must see both modules' classes, saw " + ejbClasses + " and " + classes.size());

        List<String> offending = new ArrayList<>();
        int sessionBeanFields = 0;
        for (String name : classes) {
            for (Field field : Class.forName(name, false, getClass().getClassLoader()).getDeclaredFields()) {
                if (isSessionBean(field.getType())) {
                    sessionBeanFields++;
                    if (field.isAnnotationPresent(Inject.class)) {
                        offending.add(name + "." + field.getName());
                    }
                }
            }
        }
        assertTrue(sessionBeanFields > 50, "expected the services' session-bean fields, found " + sessionBeanFields);
        assertEquals(List.of(), offending, "session beans injected with @Inject; use @EJB");
    }

    private static boolean isSessionBean(Class<?> type) {
        return type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class);
    }

    /** Classes under the given package folders of the directory or jar that holds {@code anchor}. */
    private static List<String> classNames(Class<?> anchor, List<String> packages) throws IOException, URISyntaxException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return classNamesUnder(location, packages);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return classNamesUnder(jar.getPath("/"), packages);
        }
    }

    private static List<String> classNamesUnder(Path root, List<String> packages) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".class") && packages.stream().anyMatch(p::startsWith))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }
}
