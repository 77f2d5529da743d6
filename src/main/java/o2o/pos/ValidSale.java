package o2o.pos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import o2o.orders.OfflineSale;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import o2o.shared.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * A sale that passed every check, with the fingerprint of what the POS sent (the same transaction id sent again with
 * another fingerprint is a different sale).
 */
record ValidSale(String posTransactionId, Instant soldAt, List<OfflineSale.Line> lines, Money total,
        PaymentMethod paymentMethod, Sale.@Nullable MemberRef member, String hash) {

    static final int MAX_LINES = 200;
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);
    static final Duration OLDEST = Duration.ofDays(7);

    /** Checks what the POS sent, as received at {@code now}; the first thing wrong is the problem. */
    static ValidSale of(Sale sale, Instant now) {
        var txn = sale.posTransactionId();
        if (txn == null || txn.isBlank() || txn.length() > 64) {
            throw new InvalidInput("posTransactionId", "1 to 64 characters");
        }
        if (sale.soldAt() == null) throw new InvalidInput("soldAt", "required");
        var soldAt = Timestamps.asStored(sale.soldAt());
        if (soldAt.isAfter(now.plus(FUTURE_TOLERANCE))) throw new InvalidInput("soldAt", "in the future");
        if (soldAt.isBefore(now.minus(OLDEST))) throw new InvalidInput("soldAt", "more than 7 days ago");
        var lines = lines(sale.lines());
        long sum = 0;
        for (var line : lines) sum = Math.addExact(sum, line.amount().minor());
        if (sale.total() == null || sale.total() <= 0) throw new InvalidInput("total", "a positive amount in fen");
        if (sum != sale.total()) throw new InvalidInput("total", "the lines add up to " + sum + ", not " + sale.total());
        var method = method(sale.paymentMethod());
        var member = sale.member();
        if (member != null && PosMembers.given(member) > 1) {
            throw new InvalidInput("member", "at most one of phone, card, memberQr");
        }
        var total = Money.cny(sale.total());
        return new ValidSale(txn, soldAt, lines, total, method, member,
                fingerprint(txn, soldAt, lines, sale.total(), method, member));
    }

    private static List<OfflineSale.Line> lines(@Nullable List<Sale.Line> sent) {
        if (sent == null || sent.isEmpty() || sent.size() > MAX_LINES) {
            throw new InvalidInput("lines", "1 to " + MAX_LINES + " lines");
        }
        var lines = new ArrayList<OfflineSale.Line>();
        for (int i = 0; i < sent.size(); i++) lines.add(line(sent.get(i), "lines[" + i + "]"));
        return lines;
    }

    private static OfflineSale.Line line(Sale.@Nullable Line line, String field) {
        if (line == null) throw new InvalidInput(field, "missing");
        if (line.name() == null || line.name().isBlank() || line.name().length() > 100) {
            throw new InvalidInput(field + ".name", "1 to 100 characters");
        }
        if (line.quantity() == null || line.quantity() < 1 || line.quantity() > 10_000) {
            throw new InvalidInput(field + ".quantity", "1 to 10000");
        }
        if (line.unitPrice() == null || line.unitPrice() < 0) throw new InvalidInput(field + ".unitPrice", "0 or more fen");
        if (line.amount() == null || line.amount() < 0) throw new InvalidInput(field + ".amount", "0 or more fen");
        return new OfflineSale.Line(line.name().strip(), line.quantity(), Money.cny(line.unitPrice()),
                Money.cny(line.amount()));
    }

    private static PaymentMethod method(@Nullable String sent) {
        try {
            return PaymentMethod.valueOf(String.valueOf(sent));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("paymentMethod", "one of " + List.of(PaymentMethod.values()));
        }
    }

    private static String fingerprint(String txn, Instant soldAt, List<OfflineSale.Line> lines, long total,
            PaymentMethod method, Sale.@Nullable MemberRef member) {
        var fingerprint = new StringBuilder().append(txn).append('\n').append(soldAt.toEpochMilli()).append('\n');
        for (var line : lines) {
            fingerprint.append(line.title()).append('\t').append(line.quantity()).append('\t')
                    .append(line.unitPrice().minor()).append('\t').append(line.amount().minor()).append('\n');
        }
        fingerprint.append(total).append('\n').append(method).append('\n');
        if (member != null) {
            fingerprint.append(member.phone()).append('\t').append(member.card()).append('\t').append(member.memberQr());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(fingerprint.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
