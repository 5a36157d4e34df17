/**
 * Who a request comes from (the anonymous learner cookie), shared by {@code run} and {@code grading}. A leaf: it
 * depends on no other package of ThreadLab, so both may use it without a cycle.
 */
package dev.threadlab.client;
