package katajudge.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import katas.support.Katas;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The benchmark's baseline for the judge's fixed overhead: the same hidden
 * tests against the same solution in one plain JVM, no agent, no fork, no
 * judge. Prints the number of tests that passed and failed.
 *
 * <p>Arguments: api jar, pack jar, solution jar, API class, solution class, test classes...
 */
public final class PlainJUnit {

    private PlainJUnit() {}

    public static void main(String[] args) throws Exception {
        URL[] urls = {Path.of(args[0]).toUri().toURL(), Path.of(args[1]).toUri().toURL(),
                Path.of(args[2]).toUri().toURL()};
        ClassLoader loader = new URLClassLoader(urls, PlainJUnit.class.getClassLoader());
        Katas.bind(Class.forName(args[3], false, loader), Class.forName(args[4], false, loader));
        var request = LauncherDiscoveryRequestBuilder.request();
        for (int i = 5; i < args.length; i++) {
            request.selectors(DiscoverySelectors.selectClass(Class.forName(args[i], false, loader)));
        }
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request.build(), summary);
        System.out.println("passed " + summary.getSummary().getTestsSucceededCount() + " failed "
                + summary.getSummary().getTotalFailureCount());
        Runtime.getRuntime().halt(0);
    }
}
