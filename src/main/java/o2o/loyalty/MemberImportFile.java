package o2o.loyalty;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import o2o.identity.CardNumber;
import o2o.shared.InputRules;
import o2o.shared.InvalidInput;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A merchant's member list as exported from its previous system: UTF-8 CSV with the header
 * {@code card_number,phone,name,points,balance}, balance in yuan ({@code 12.50}). Each line is either a row to import
 * or a rejection naming the line and the reason; a card number seen on an earlier line rejects the later ones.
 */
final class MemberImportFile {

    static final String HEADER = "card_number,phone,name,points,balance";
    static final int MAX_ROWS = 50_000;
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final Pattern POINTS = Pattern.compile("\\d{1,12}");
    private static final Pattern YUAN = Pattern.compile("(\\d{1,10})(?:\\.(\\d{1,2}))?");

    record Row(int line, CardNumber card, PhoneNumber phone, @Nullable String name, long points, long balanceMinor) {}

    record Rejection(int line, @Nullable String cardNumber, String reason) {}

    record Parsed(List<Row> rows, List<Rejection> rejections) {

        int total() {
            return rows.size() + rejections.size();
        }
    }

    private MemberImportFile() {}

    static Parsed parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) throw tooLarge();
        var lines = decode(bytes).split("\r\n|\n|\r", -1);
        if (lines.length == 0 || !header(lines[0])) {
            throw new InvalidInput("file", "the first line must be the header " + HEADER);
        }
        var rows = new ArrayList<Row>();
        var rejections = new ArrayList<Rejection>();
        var seen = new HashSet<String>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            if (rows.size() + rejections.size() == MAX_ROWS) throw tooLarge();
            int line = i + 1;
            var fields = fields(lines[i]);
            if (fields == null || fields.size() != 5) {
                rejections.add(new Rejection(line, null, "columns"));
                continue;
            }
            var card = card(fields.get(0));
            if (card == null) {
                rejections.add(new Rejection(line, fields.get(0).strip(), "card-number"));
                continue;
            }
            var reason = problem(fields);
            if (reason != null) {
                rejections.add(new Rejection(line, card.value(), reason));
            } else if (!seen.add(card.value())) {
                rejections.add(new Rejection(line, card.value(), "duplicate-card"));
            } else {
                var name = fields.get(2).strip();
                rows.add(new Row(line, card, PhoneNumber.parse(fields.get(1)), name.isEmpty() ? null : name,
                        points(fields.get(3)), minor(fields.get(4))));
            }
        }
        return new Parsed(rows, rejections);
    }

    private static @Nullable String problem(List<String> fields) {
        try {
            PhoneNumber.parse(fields.get(1).strip());
        } catch (InvalidInput e) {
            return "phone";
        }
        if (fields.get(2).strip().length() > 40 || InputRules.hasControlCharacters(fields.get(2))) return "name";
        var points = fields.get(3).strip();
        if (!points.isEmpty() && !POINTS.matcher(points).matches()) return "points";
        var balance = fields.get(4).strip();
        if (!balance.isEmpty() && !YUAN.matcher(balance).matches()) return "balance";
        return null;
    }

    private static @Nullable CardNumber card(String raw) {
        try {
            return CardNumber.parse(raw);
        } catch (InvalidInput e) {
            return null;
        }
    }

    private static long points(String raw) {
        var value = raw.strip();
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    private static long minor(String raw) {
        var value = raw.strip();
        if (value.isEmpty()) return 0;
        var matcher = YUAN.matcher(value);
        if (!matcher.matches()) throw new IllegalArgumentException(value);
        var cents = matcher.group(2) == null ? "00" : (matcher.group(2) + "0").substring(0, 2);
        return Long.parseLong(matcher.group(1)) * 100 + Integer.parseInt(cents);
    }

    private static boolean header(String line) {
        return line.replace(" ", "").replace("\t", "").toLowerCase(Locale.ROOT).equals(HEADER);
    }

    /** The fields of one CSV line; double quotes around a field allow commas in it, {@code ""} is a quote. */
    static @Nullable List<String> fields(String line) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) return null;
        fields.add(field.toString());
        return fields;
    }

    private static String decode(byte[] bytes) {
        try {
            var text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInput("file", "the file must be UTF-8 text");
        }
    }

    private static Problem tooLarge() {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "import-too-large",
                "an import takes at most " + MAX_ROWS + " rows and 5 MB", MAX_ROWS);
    }
}
