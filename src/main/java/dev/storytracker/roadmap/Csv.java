package dev.storytracker.roadmap;

import java.util.List;

/**
 * RFC 4180 CSV cells for spreadsheets. A cell holding a comma, quote or line break is quoted with inner quotes doubled;
 * records end with CRLF. A cell that starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe,
 * so that a title such as {@code =HYPERLINK(...)} is shown as text instead of being run as a formula (OWASP's advice
 * against CSV injection); readers that want the raw text strip one leading apostrophe from such cells.
 */
final class Csv {

    private Csv() {
    }

    static String record(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
