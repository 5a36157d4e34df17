/**
 * Classes of learners and what an instructor needs to run one: creating a class and its join code, joining it, due
 * dates with a late policy per exercise, the gradebook (best late-adjusted score per learner and exercise, as JSON and
 * as a spreadsheet-ready CSV), and the API the instructor's dashboard draws from. Reads submissions through
 * {@code submission}, exercises through {@code exercise}, the course order through {@code lesson} and who is asking
 * through {@code account}; nothing outside {@code web} depends on it.
 */
package dev.threadlab.classroom;
