/**
 * Who is asking: accounts with roles, their sessions and API tokens (stored hashed), sign-up and log-in with a
 * throttle on failures, and the anonymous learner cookie that anonymous visitors keep. Every other feature asks
 * {@link dev.threadlab.account.Viewer} who the request belongs to. Imports only {@code store} and {@code message}.
 */
package dev.threadlab.account;
