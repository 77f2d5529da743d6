package o2o.campaigns.web;

import java.util.List;
import java.util.Map;

import o2o.campaigns.Figures;

/**
 * One table of a campaign's results as CSV: a byte-order mark so that spreadsheet programs read the Chinese right,
 * the header in the merchant's language, amounts in yuan, and every text field quoted (a cell starting with = + - @
 * is prefixed so no spreadsheet runs it as a formula).
 */
final class ResultsCsv {

    private ResultsCsv() {}

    static String of(List<Figures> rows, Map<String, String> labels, String header) {
        var csv = new StringBuilder("\uFEFF").append(header).append("\r\n");
        for (var f : rows) {
            csv.append(quoted(f.key())).append(',').append(quoted(labels.getOrDefault(f.key(), ""))).append(',')
                    .append(f.scans()).append(',').append(f.visitors()).append(',').append(f.orders()).append(',')
                    .append(f.redemptions()).append(',').append(f.newMembers()).append(',').append(f.tableVisits())
                    .append(',').append(ResultsConsole.yuan(f.netRevenueMinor())).append(',')
                    .append(ResultsConsole.yuan(f.discountMinor())).append("\r\n");
        }
        return csv.toString();
    }

    static String quoted(String value) {
        var safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
