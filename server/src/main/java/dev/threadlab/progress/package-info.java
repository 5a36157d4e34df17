/**
 * What a signed-in learner has done and is doing: drafts kept on the server (last write wins, the other tab is told),
 * the lessons they opened, and their progress through the course (passed exercises, points, ticked lessons).
 */
package dev.threadlab.progress;
