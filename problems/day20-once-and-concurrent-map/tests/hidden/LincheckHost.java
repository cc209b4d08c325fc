package katas.day20.hidden;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import katas.support.Katas;

/**
 * Runs a Lincheck check where Lincheck can see it.
 *
 * <p>Lincheck loads the code it generates for each scenario in its own
 * {@code ExecutionClassLoader}, whose parent is the <em>system</em> class
 * loader; that code names the test class directly. In the judge's plain JVM
 * the tests, the API and the submission live in class loaders of their own,
 * so every operation fails with {@code NoClassDefFoundError} before any
 * learner code runs. This host appends the API jar and the test jar to the
 * system class loader's search path (through the instrumentation Lincheck
 * itself attaches with), loads a fresh copy of the submission's class in a
 * loader that, like the judge's, shows it only the API and the JDK, binds it
 * with {@link Katas#bind}, and calls the check on the system loader's copy of
 * the test class. When the test class already is on the system class path
 * (an IDE, a plain main), the check is called directly.
 */
final class LincheckHost {

    private LincheckHost() {}

    /** Calls {@code testClass.check()} (public static, no arguments) with the submission for {@code api}. */
    static void check(Class<?> api, Class<?> testClass) throws Throwable {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (testClass.getClassLoader() == system) {
            invokeCheck(testClass);
            return;
        }
        Class<?> implementation = Katas.load(api).getClass();
        Instrumentation instrumentation = (Instrumentation) Class.forName("net.bytebuddy.agent.ByteBuddyAgent")
                .getMethod("install").invoke(null);
        Path apiJar = jarOf(api);
        instrumentation.appendToSystemClassLoaderSearch(new JarFile(apiJar.toFile()));
        instrumentation.appendToSystemClassLoaderSearch(new JarFile(jarOf(testClass).toFile()));
        Class<?> hostedApi = Class.forName(api.getName(), false, system);
        Set<String> apiClasses = classNamesIn(apiJar);
        ClassLoader apiOnly = new ClassLoader("lincheck-kata-api", ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (apiClasses.contains(name)) {
                    return Class.forName(name, false, system);
                }
                throw new ClassNotFoundException(name);
            }
        };
        URLClassLoader submission = new URLClassLoader("lincheck-submission",
                new URL[] {jarOf(implementation).toUri().toURL()}, apiOnly);
        Katas.bind(hostedApi, Class.forName(implementation.getName(), false, submission));
        invokeCheck(Class.forName(testClass.getName(), true, system));
    }

    private static void invokeCheck(Class<?> testClass) throws Throwable {
        try {
            testClass.getMethod("check").invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Path jarOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Set<String> classNamesIn(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).collect(Collectors.toSet());
        }
    }
}
