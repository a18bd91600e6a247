package dev.storytracker.roadmap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** CSV cells for spreadsheets: RFC 4180 quoting, and formulas shown as text. */
class CsvTest {

    @Test
    void cells_with_commas_quotes_or_line_breaks_are_quoted() {
        assertEquals("plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n",
                Csv.record(Arrays.asList("plain", "a, b", "say \"hi\"", "two\nlines", null)));
    }

    @Test
    void cells_that_a_spreadsheet_would_run_start_with_an_apostrophe() {
        assertEquals("'=1+1", Csv.cell("=1+1"));
        assertEquals("'+1", Csv.cell("+1"));
        assertEquals("'-1", Csv.cell("-1"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("\"'\rx\"", Csv.cell("\rx"));
        assertEquals("a=1", Csv.cell("a=1"));
    }
}
