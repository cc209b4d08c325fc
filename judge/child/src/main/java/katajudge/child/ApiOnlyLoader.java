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

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (apiClasses.contains(name)) {
            return problems.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }
}
