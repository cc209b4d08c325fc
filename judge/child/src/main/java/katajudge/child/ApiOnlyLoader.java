package katajudge.child;

import java.util.Set;

/**
 * The parent of the submission's class loader: it shows the learner the
 * kata's API and the JDK, and nothing of the judge, JUnit or the hidden
 * tests.
 */
final class ApiOnlyLoader extends ClassLoader {

    private final ClassLoader problems;
    private final Set<String> apiClasses;

    ApiOnlyLoader(ClassLoader problems, Set<String> apiClasses) {
        super("kata-api", ClassLoader.getPlatformClassLoader());
        this.problems = problems;
        this.apiClasses = apiClasses;
    }

    /**
     * The JDK's loaders find a class of any named module in the boot layer, the judge's and JUnit's
     * (on the child's module path, defined to the application loader) included: those are not shown.
     * Seeing a class is not using it (the judge's module exports nothing), but the learner's class
     * path stays the API and the JDK, as it was when the judge ran from the class path.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Class<?> c = super.loadClass(name, resolve);
        if (c.getClassLoader() == ClassLoader.getSystemClassLoader()) {
            throw new ClassNotFoundException(name);
        }
        return c;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (apiClasses.contains(name)) {
            return problems.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }
}
