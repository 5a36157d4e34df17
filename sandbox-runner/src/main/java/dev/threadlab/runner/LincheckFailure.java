package dev.threadlab.runner;

import dev.threadlab.protocol.RunnerReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Lincheck's failure report, told in few words. Lincheck draws the results that no one-at-a-time order of the
 * operations explains, the interleaving that produced them, and then a detailed trace, as wide tables (a two-thread
 * lost update: 3.4 KB); a report carries {@value dev.threadlab.protocol.RunnerReport#MAX_MESSAGE} characters. This
 * keeps the first two tables, one line per cell that says something, each named by its thread's column.
 */
final class LincheckFailure {
    static final String ERROR_CLASS = "org.jetbrains.lincheck.LincheckAssertionError";
    private static final String RESULTS = "= Invalid execution results =";
    private static final String INTERLEAVING = "The following interleaving leads to the error:";

    private LincheckFailure() {
    }

    /** The short form of {@code failure}'s message if Lincheck threw it, else null. */
    static String shortened(Throwable failure) {
        if (!failure.getClass().getName().equals(ERROR_CLASS) || failure.getMessage() == null) {
            return null;
        }
        return shortened(failure.getMessage());
    }

    static String shortened(String message) {
        List<String> lines = message.lines().toList();
        int results = lines.indexOf(RESULTS);
        int interleaving = lines.indexOf(INTERLEAVING);
        if (results < 0) {
            return message.strip();
        }
        StringBuilder text = new StringBuilder(RunnerReport.LINCHECK_RESULTS);
        table(lines, results + 1).forEach(row -> text.append('\n').append(row));
        if (interleaving >= 0) {
            text.append('\n').append(RunnerReport.LINCHECK_INTERLEAVING);
            table(lines, interleaving + 1).forEach(row -> text.append('\n').append(row));
        }
        return text.toString();
    }

    /**
     * The table that starts at line {@code from}: a header row of thread names between rule lines, then rows whose
     * cells hold each thread's step; a rule between rows means that what is above happened before what is below.
     */
    private static List<String> table(List<String> lines, int from) {
        List<String> rows = new ArrayList<>();
        List<String> threads = null;
        boolean ruleBefore = false;
        for (int i = from; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            if (line.startsWith("| -")) {
                ruleBefore = threads != null && !rows.isEmpty();
                continue;
            }
            List<String> cells = cells(line);
            if (threads == null) {
                threads = cells.stream().map(String::strip).toList();   // centred
                continue;
            }
            for (int column = 0; column < cells.size() && column < threads.size(); column++) {
                if (!cells.get(column).isEmpty()) {
                    rows.add((ruleBefore ? "then " : "") + threads.get(column) + ": " + cells.get(column));
                    ruleBefore = false;
                }
            }
        }
        return rows;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            // Nesting is drawn with leading spaces; one level is two.
            String trimmed = cell.stripTrailing();
            String content = trimmed.strip();
            int indent = trimmed.length() - content.length() - 1;
            cells.add(content.isEmpty() ? "" : " ".repeat(Math.max(0, indent)) + content);
        }
        return cells;
    }
}
