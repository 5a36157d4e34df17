/**
 * The test runner inside the sandbox. A named module that opens nothing: the tested code, on the class path, cannot
 * reach its fields (the results channel, the key) by reflection.
 */
module dev.threadlab.runner {
    requires dev.threadlab.protocol;
    requires org.junit.platform.launcher;
}
