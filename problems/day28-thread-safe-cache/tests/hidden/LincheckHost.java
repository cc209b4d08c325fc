package katas.day28.hidden;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import katas.support.Katas;

/**
 * Runs a Lincheck check from the judge's plain JVM.
 *
 * <p>Lincheck defines the code it generates for each scenario in a class
 * loader whose parent is the system class loader, and that code refers to
 * the operations class by name. The judge loads the tests, the API and the
 * submission in class loaders of their own, invisible from the system
 * loader, so the check would fail with {@code NoClassDefFoundError} before
 * any submitted code runs. Here the API jar and the tests jar are appended
 * to the system class path (with the instrumentation Lincheck attaches
 * anyway), the submission is loaded again in a loader that sees only the
 * API and the JDK (as the judge's does), bound with {@link Katas#bind}, and
 * the system loader's copy of the test class runs the check. Where the test
 * class already is on the system class path (an IDE), it runs directly.
 */
final class LincheckHost {

    private LincheckHost() {}

    /** Calls the public static no-argument {@code check()} of {@code testClass} on the submission for {@code api}. */
    static void check(Class<?> api, Class<?> testClass) throws Throwable {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (testClass.getClassLoader() == system) {
            runCheck(testClass);
            return;
        }
        Class<?> implementation = Katas.load(api).getClass();
        Instrumentation instrumentation = (Instrumentation) Class.forName("net.bytebuddy.agent.ByteBuddyAgent")
                .getMethod("install").invoke(null);
        Path apiJar = jarOf(api);
        instrumentation.appendToSystemClassLoaderSearch(new JarFile(apiJar.toFile()));
        instrumentation.appendToSystemClassLoaderSearch(new JarFile(jarOf(testClass).toFile()));
        Set<String> apiClasses = classNames(apiJar);
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
        Katas.bind(Class.forName(api.getName(), false, system),
                Class.forName(implementation.getName(), false, submission));
        runCheck(Class.forName(testClass.getName(), true, system));
    }

    private static void runCheck(Class<?> testClass) throws Throwable {
        try {
            testClass.getMethod("check").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Path jarOf(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Set<String> classNames(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).collect(Collectors.toSet());
        }
    }
}
