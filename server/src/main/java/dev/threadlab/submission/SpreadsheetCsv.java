package dev.threadlab.submission;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheet programs, as grade exports need it: a byte-order mark first (without it Excel reads UTF-8 as
 * the local code page and garbles Chinese names), and text cells that a spreadsheet would run as a formula (starting
 * with = + - or @: a folder name or a message from a learner's program could) kept as text by a leading quote.
 */
public final class SpreadsheetCsv {
    static final char BOM = '\uFEFF';

    private SpreadsheetCsv() {
    }

    /** Numbers stay numbers; strings are defused; null is an empty cell. */
    public static String write(List<String> header, List<List<Object>> rows) {
        StringWriter out = new StringWriter().append(BOM);
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.DEFAULT).setHeader(header.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
