package katajudge.spec;

import java.nio.file.Path;

/**
 * A solution kept in a problem folder, Kattis style: its folder under
 * {@code solutions/} names the verdict it must get.
 *
 * @param file      the source file
 * @param className its fully qualified class name (the package line plus the file name)
 * @param expected  the verdict it must get, from the folder name (accepted, slow, thread_leak, ...)
 */
public record Solution(Path file, String className, String expected) {
}
