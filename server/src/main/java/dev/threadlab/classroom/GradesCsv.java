package dev.threadlab.classroom;

import dev.threadlab.submission.SpreadsheetCsv;
import java.util.ArrayList;
import java.util.List;

/**
 * A gradebook as CSV: one row per learner (username), one column per exercise id in course order, then total. An
 * exercise with nothing graded is an empty cell, not 0: "not done" stays distinguishable from "scored nothing".
 */
final class GradesCsv {

    private GradesCsv() {
    }

    static String write(GradeSheet sheet) {
        List<String> header = new ArrayList<>();
        header.add("username");
        sheet.exercises().forEach(exercise -> header.add(exercise.id()));
        header.add("total");
        return SpreadsheetCsv.write(header, sheet.learners().stream().map(GradesCsv::record).toList());
    }

    private static List<Object> record(GradeSheet.Row row) {
        List<Object> values = new ArrayList<>();
        values.add(row.username());
        row.cells().forEach(cell -> values.add(cell.score() == null ? "" : cell.score().toPlainString()));
        values.add(row.total().toPlainString());
        return values;
    }
}
