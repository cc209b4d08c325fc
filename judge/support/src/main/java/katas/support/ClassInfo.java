package katas.support;

import java.util.List;

/**
 * What the judge needs to know of one compiled class, read from its bytes
 * without loading it: its name, what it extends and implements, and the
 * class-file version it was compiled for.
 */
public record ClassInfo(String name, String superName, List<String> interfaces,
                        int majorVersion, boolean isAbstract, boolean isInterface) {

    /** The Java release a class-file major version belongs to (69 is Java 25). */
    public int javaRelease() {
        return majorVersion - 44;
    }
}
