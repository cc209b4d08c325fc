package katas.support;

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

/**
 * Runs a Lincheck check on the submission, from the judge's plain JVM (the
 * one kata helper for days 19, 20 and 28; no copies in the katas).
 *
 * <p>Lincheck finds classes by name from the <em>system</em> class loader:
 * the code it generates for each scenario lives in a loader whose parent is
 * the system loader, and its model checker looks up the class of every
 * object the checked code creates ({@code Class.forName} from its own class,
 * e.g. a submission's nested {@code Entry}). The judge loads the tests, the
 * API and the submission in loaders of their own, invisible from there. So
 * the API jar, the tests jar and the submission's jar are appended to the
 * system class path (with the instrumentation Lincheck attaches anyway); the
 * submission that runs is loaded again in a loader that shows it only the
 * API and the JDK (as the judge's does), and the system loader's copy of the
 * test class runs the check. Where the test class already is on the system
 * class path (an IDE), it runs directly.
 *
 * <p>The submission's jar on the system class path only lets Lincheck's
 * lookups succeed; before the judge put it there, they found a kept
 * solution's copy in the judge pack and a learner's nowhere (day 28's own
 * reference failed as a learner's jar, with Lincheck's "caught a bug").
 *
 * <p>A crash of Lincheck itself ("You've caught a bug in Lincheck") is
 * rethrown as {@link ToolFailure}: the judge's error, not the learner's.
 */
public final class LincheckHost {

    /** How Lincheck words a failure of its own, as opposed to a failed check. */
    private static final String LINCHECK_BUG = "caught a bug in Lincheck";

    private LincheckHost() {}

    /** Calls the public static no-argument {@code check()} of {@code testClass} on the submission for {@code api}. */
    public static void check(Class<?> api, Class<?> testClass) throws Throwable {
        try {
            hostAndCheck(api, testClass);
        } catch (Throwable t) {
            if (String.valueOf(t.getMessage()).contains(LINCHECK_BUG)) {
                throw new ToolFailure("Lincheck failed by itself while checking the submission: "
                        + firstLines(t.getMessage()), t);
            }
            throw t;
        }
    }

    private static void hostAndCheck(Class<?> api, Class<?> testClass) throws Throwable {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (testClass.getClassLoader() == system) {
            runCheck(testClass);
            return;
        }
        Class<?> implementation = Katas.bound(api);
        Instrumentation instrumentation = (Instrumentation) Class.forName("net.bytebuddy.agent.ByteBuddyAgent")
                .getMethod("install").invoke(null);
        for (Class<?> c : new Class<?>[] {api, testClass, implementation}) {
            try (JarFile jar = new JarFile(jarOf(c).toFile())) {
                instrumentation.appendToSystemClassLoaderSearch(jar);
            }
        }
        Set<String> apiClasses = classNames(jarOf(api));
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

    private static Path jarOf(Class<?> c) throws URISyntaxException, IOException {
        var source = c.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IOException(c.getName() + " was not loaded from a jar: cannot host a Lincheck check");
        }
        return Path.of(source.getLocation().toURI());
    }

    private static Set<String> classNames(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).collect(Collectors.toSet());
        }
    }

    private static String firstLines(String message) {
        return message.strip().lines().filter(l -> !l.isBlank()).limit(8).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
