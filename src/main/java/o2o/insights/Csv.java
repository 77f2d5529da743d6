package o2o.insights;

import java.util.List;

/**
 * A table as CSV for a spreadsheet: a byte-order mark so Excel reads the Chinese as UTF-8, every field quoted, and a
 * field that a spreadsheet would take for a formula (=, +, -, @) led by an apostrophe.
 */
public final class Csv {

    private Csv() {}

    public static String of(List<String> header, List<List<String>> rows) {
        var out = new StringBuilder("\uFEFF");
        line(out, header);
        for (var row : rows) line(out, row);
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            out.append('"').append(field(fields.get(i)).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    private static String field(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
                ? "'" + value : value;
    }
}
