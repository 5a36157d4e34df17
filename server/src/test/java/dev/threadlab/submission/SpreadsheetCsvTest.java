package dev.threadlab.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    @Test
    void startsWithABomQuotesWhatNeedsItAndDefusesFormulas() {
        String csv = SpreadsheetCsv.write(List.of("folder", "score", "message"), List.of(
                Arrays.asList("=HYPERLINK(\"http://x\")", 5, null),
                Arrays.asList("张三", null, "line one\nline two"),
                Arrays.asList("-1+2", 0, "@SUM(A1)")));
        assertEquals("\uFEFFfolder,score,message\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",5,\r\n"
                + "张三,,\"line one\nline two\"\r\n"
                + "'-1+2,0,'@SUM(A1)\r\n", csv);
    }
}
