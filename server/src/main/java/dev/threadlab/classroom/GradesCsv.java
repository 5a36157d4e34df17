package dev.threadlab.classroom;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A gradebook as CSV: one row per learner (username), one column per exercise id in course order, then total. It
 * starts with a byte-order mark, without which Excel reads UTF-8 as the local code page and garbles Chinese names.
 * An exercise with nothing graded is an empty cell, not 0: "not done" stays distinguishable from "scored nothing".
 */
final class GradesCsv {
    static final char BOM = '\uFEFF';

    private GradesCsv() {
    }

    static String write(GradeSheet sheet) {
        List<String> header = new ArrayList<>();
        header.add("username");
        sheet.exercises().forEach(exercise -> header.add(exercise.id()));
        header.add("total");
        StringWriter out = new StringWriter().append(BOM);
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setHeader(header.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (GradeSheet.Row row : sheet.learners()) {
                printer.printRecord(record(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static List<String> record(GradeSheet.Row row) {
        List<String> values = new ArrayList<>();
        values.add(defused(row.username()));
        row.cells().forEach(cell -> values.add(cell.score() == null ? "" : cell.score().toPlainString()));
        values.add(row.total().toPlainString());
        return values;
    }

    /** A spreadsheet runs a cell that starts with = + - or @ as a formula; a leading quote keeps it text. */
    private static String defused(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
