/**
 * Sentences as keys and arguments ({@link dev.threadlab.message.Message}), and the bundles that turn them into text
 * in the reader's language ({@link dev.threadlab.message.MessageBundle}). A leaf: it imports nothing of ours.
 */
package dev.threadlab.message;
