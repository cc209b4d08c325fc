package katas.support;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a kata's tests get the solution under test: {@code Katas.load(Api.class)}.
 *
 * <p>Inside the judge the implementation is bound by the judge before any
 * test runs. In an IDE or under Maven the learner's class is found on the
 * class path (folders only, so libraries are not scanned): exactly one
 * concrete class must implement the API.
 */
public final class Katas {

    private static final Map<Class<?>, Class<?>> BOUND = new ConcurrentHashMap<>();

    private Katas() {}

    /** A fresh instance of the solution under test for {@code api}. */
    public static <T> T load(Class<T> api) {
        Class<?> impl = BOUND.get(api);
        if (impl == null) {
            impl = findOnClassPath(api);
        }
        try {
            return api.cast(impl.getDeclaredConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(impl.getName() + " needs a public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + impl.getName() + " threw " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + impl.getName() + ": " + e, e);
        }
    }

    /** Used by the judge: from now on {@link #load} returns instances of {@code impl}. */
    public static void bind(Class<?> api, Class<?> impl) {
        if (!api.isAssignableFrom(impl)) {
            throw new IllegalArgumentException(impl.getName() + " does not implement " + api.getName());
        }
        BOUND.put(api, impl);
    }

    /**
     * The class bound for {@code api}, without creating an instance: for kata
     * helpers that must load the submission again where a tool can see it
     * ({@link LincheckHost}).
     */
    public static Class<?> bound(Class<?> api) {
        Class<?> impl = BOUND.get(api);
        return impl != null ? impl : findOnClassPath(api);
    }

    /** Forgets every binding (the judge binds the baseline and the submission in turn). */
    public static void unbindAll() {
        BOUND.clear();
    }

    private static Class<?> findOnClassPath(Class<?> api) {
        List<ClassInfo> classes = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.isEmpty() && Files.isDirectory(path)) {
                classes.addAll(ImplementationFinder.scanUnchecked(path));
            }
        }
        var outcome = ImplementationFinder.find(classes, api.getName());
        String name = switch (outcome) {
            case ImplementationFinder.Outcome.Found f -> f.className();
            case ImplementationFinder.Outcome.None n -> throw new IllegalStateException(
                    "no class implements " + api.getName() + " yet: write one in your submission module");
            case ImplementationFinder.Outcome.Several s -> throw new IllegalStateException(
                    "several classes implement " + api.getName() + ": " + s.classNames() + "; keep exactly one");
            case ImplementationFinder.Outcome.TooNew t -> throw new IllegalStateException(
                    t.className() + " was compiled for Java " + t.javaRelease() + ", newer than this JVM");
        };
        try {
            return Class.forName(name, false, api.getClassLoader() == null
                    ? ClassLoader.getSystemClassLoader() : Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("found " + name + " but cannot load it", e);
        }
    }
}
