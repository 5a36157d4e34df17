/**
 * What the server process asks of the JVM it runs in: giving idle memory back to the host. A leaf: it imports nothing
 * of ours.
 */
package dev.threadlab.host;
