/** The typed contract between the server and the launcher inside each sandbox container. */
module dev.threadlab.protocol {
    requires com.fasterxml.jackson.core;
    exports dev.threadlab.protocol;
}
