package katas.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The factor is read once, when the class initialises. Each case loads a
 * fresh copy of {@link Tolerance} in a class loader of its own (no fork):
 * initialised under a given property, as the judge's child does before any
 * learner class loads, then attacked the ways learner code in the same JVM
 * could try.
 */
class ToleranceTest {

    @Test
    void withoutThePropertyTheFactorIsOne() throws Exception {
        Class<?> tolerance = freshCopy(null);
        assertEquals(1.0, call(tolerance, "factor"));
        assertEquals(300L, call(tolerance, "ms", 300L));
    }

    @Test
    void scalesEveryToleranceByTheJudgesFactor() throws Exception {
        Class<?> tolerance = freshCopy("1.5");
        assertEquals(1.5, call(tolerance, "factor"));
        assertEquals(450L, call(tolerance, "ms", 300L));
        assertEquals(Duration.ofMillis(1_200), call(tolerance, "of", Duration.ofMillis(800)));
    }

    @Test
    void aLaterPropertyChangeHasNoEffect() throws Exception {
        Class<?> tolerance = freshCopy("1.5");
        String before = System.getProperty(Tolerance.PROPERTY);
        try {
            System.setProperty(Tolerance.PROPERTY, "3"); // what learner code could do once it runs
            assertEquals(450L, call(tolerance, "ms", 300L));
        } finally {
            restore(before);
        }
    }

    @Test
    void reflectionCannotChangeTheFactor() throws Exception {
        Class<?> tolerance = freshCopy("1.5");
        Field factor = tolerance.getDeclaredField("FACTOR");
        factor.setAccessible(true); // allowed on a class path; a static final field still refuses writes
        assertThrows(IllegalAccessException.class, () -> factor.setDouble(null, 3.0));
        assertEquals(450L, call(tolerance, "ms", 300L));
    }

    @Test
    void aBadFactorIsAClearError() {
        assertEquals(1.0, Tolerance.parse(" "));
        assertEquals(2.5, Tolerance.parse("2.5"));
        for (String bad : new String[] {"fast", "0.5", "NaN", "3.5", "Infinity"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tolerance.parse(bad));
            assertTrue(e.getMessage().contains("-Dkatas.tolerance must be a number from 1 to 3.0, not '" + bad + "'"),
                    e.getMessage());
        }
    }

    /**
     * A copy of Tolerance initialised with the property set to {@code value} (null: unset): its bytes defined
     * again by a class loader of its own (asking a parent would find the module's copy, already initialised).
     */
    private static Class<?> freshCopy(String value) throws Exception {
        byte[] bytes;
        try (InputStream in = Tolerance.class.getResourceAsStream("Tolerance.class")) {
            bytes = in.readAllBytes();
        }
        ClassLoader loader = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(Tolerance.class.getName())) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : defineClass(name, bytes, 0, bytes.length);
                }
            }
        };
        String before = System.getProperty(Tolerance.PROPERTY);
        try {
            restore(value);
            Class<?> copy = Class.forName(Tolerance.class.getName(), true, loader);
            assertTrue(copy != Tolerance.class, "not a fresh copy");
            return copy;
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(Tolerance.PROPERTY);
        } else {
            System.setProperty(Tolerance.PROPERTY, value);
        }
    }

    private static Object call(Class<?> tolerance, String name, Object... args) throws Exception {
        for (Method m : tolerance.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }
}
