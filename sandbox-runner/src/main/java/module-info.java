/**
 * The test runner inside the sandbox. A named module that opens nothing: the tested code, on the class path, cannot
 * reach its fields (the results channel, the key) by reflection. Fray is needed only by {@code ScheduleRunner}, whose
 * runs put it on the module path; plain test runs go without it.
 */
module dev.threadlab.runner {
    requires dev.threadlab.protocol;
    requires org.junit.platform.launcher;
    requires static fray.core;
    requires static fray.junit;
    requires static fray.rmi;
    requires static kotlin.stdlib;
    requires static java.rmi;
}
