/**
 * Which database the server keeps its state in, and one way to reach it. The embedded H2 file is the default; a
 * PostgreSQL URL in the run-time configuration switches to PostgreSQL with the same entities and migrations. A leaf:
 * it imports nothing of ours.
 */
package dev.threadlab.store;
