package dev.threadlab.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A graded submission in the shape of Gradescope's autograder results.json. */
record GradescopeResults(double score, @JsonProperty("max_score") double maxScore, String output, String visibility,
        List<Test> tests) {

    record Test(String name, double score, @JsonProperty("max_score") double maxScore, String status, String output,
            String visibility) {
    }

    static GradescopeResults of(Submission s) {
        List<Test> tests = s.checks().stream().map(c -> new Test(c.name(), c.points(), c.maxPoints(),
                c.passed() ? "passed" : "failed", c.message() == null ? "" : c.message(), "visible")).toList();
        String output = s.status() == SubmissionStatus.GRADED ? "Graded by ThreadLab."
                : s.message() != null ? s.englishMessage() : "Not graded yet: " + s.status();
        return new GradescopeResults(s.score() == null ? 0 : s.score(), s.maxScore(), output, "visible", tests);
    }
}
