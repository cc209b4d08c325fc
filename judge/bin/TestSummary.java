import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints the summary of {@code make test-public} from Surefire's XML reports:
 * one line per test class, and each failed test with the first lines of its
 * assertion message. Exit 1 when a test failed. Run as a source file:
 * {@code java judge/bin/TestSummary.java DIR}.
 */
public class TestSummary {
    public static void main(String[] args) throws Exception {
        File[] files = new File(args[0]).listFiles((d, n) -> n.startsWith("TEST-") && n.endsWith(".xml"));
        java.util.Arrays.sort(files);
        int passed = 0;
        int failed = 0;
        for (File f : files) {
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f).getDocumentElement();
            NodeList cases = suite.getElementsByTagName("testcase");
            List<String> failures = new ArrayList<>();
            int here = 0;
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                Element problem = first(c, "failure", "error");
                if (first(c, "skipped") != null) {
                    continue;
                }
                here++;
                if (problem == null) {
                    passed++;
                    continue;
                }
                failed++;
                String message = problem.getAttribute("message");
                if (message.isBlank()) {
                    message = problem.getAttribute("type");
                }
                failures.add("  ✗ " + c.getAttribute("name") + "\n      "
                        + String.join("\n      ", message.strip().lines().limit(6).toList()));
            }
            String name = suite.getAttribute("name");
            name = name.substring(name.lastIndexOf('.') + 1);
            System.out.printf("%s %-40s %d/%d passed%n", failures.isEmpty() ? "✓" : "✗", name, here - failures.size(), here);
            failures.forEach(System.out::println);
        }
        System.out.printf("%d passed, %d failed%s%n", passed, failed,
                failed == 0 ? "" : " (the public tests only; 'make submit' runs the hidden ones)");
        System.exit(failed == 0 ? 0 : 1);
    }

    private static Element first(Element parent, String... tags) {
        for (String tag : tags) {
            NodeList l = parent.getElementsByTagName(tag);
            if (l.getLength() > 0) {
                return (Element) l.item(0);
            }
        }
        return null;
    }
}
