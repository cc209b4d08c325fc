/**
 * What kata code may use, in and out of the judge. A module so that the judge's child module
 * ({@code katajudge.child}) can read it from the module path; on a class path (learners' public
 * tests, the hidden tests, Lincheck's plain JVM) this descriptor means nothing.
 */
module katas.support {
    requires java.instrument; // LincheckHost: the agent Lincheck's check loads
    exports katas.support;
}
