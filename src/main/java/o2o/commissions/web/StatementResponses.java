package o2o.commissions.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.commissions.Statement;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** The statements as the API answers them. */
final class StatementResponses {

    private StatementResponses() {}

    /** Orders charged and their gross, commission charged, given back for refunds, and net. */
    @Schema(name = "CommissionFigures")
    record Figures(long orders, Money gross, Money charged, Money reversed, Money net) {

        static Figures of(Statement.Figures f) {
            return new Figures(f.orders(), f.gross(), f.charged(), f.reversed(), f.net());
        }
    }

    @Schema(name = "CommissionDay")
    record Day(LocalDate day, long orders, Money gross, Money charged, Money reversed, Money net) {

        static Day of(Statement.Day d) {
            var f = d.figures();
            return new Day(d.day(), f.orders(), f.gross(), f.charged(), f.reversed(), f.net());
        }
    }

    /** {@code taker} is {@code platform} or the taker merchant's id. */
    @Schema(name = "CommissionTakerStatement")
    record OfTaker(String taker, @Nullable UUID takerMerchantId, @Nullable String takerName, Figures total,
            List<Day> days) {

        static OfTaker of(Statement.OfTaker t) {
            return new OfTaker(t.taker().key(), t.taker().merchantId(), t.takerName(), Figures.of(t.total()),
                    t.days().stream().map(Day::of).toList());
        }
    }

    /** {@code to} is the day after the last. */
    @Schema(name = "CommissionStatement")
    record OfMerchant(LocalDate from, LocalDate to, Figures total, List<Day> days, List<OfTaker> takers) {

        static OfMerchant of(Statement.OfMerchant s) {
            return new OfMerchant(s.period().from(), s.period().to(), Figures.of(s.total()),
                    s.days().stream().map(Day::of).toList(), s.takers().stream().map(OfTaker::of).toList());
        }
    }

    @Schema(name = "CommissionEarning")
    record Earning(UUID merchantId, @Nullable String merchantName, Figures figures) {}

    @Schema(name = "CommissionEarnings")
    record Earnings(LocalDate from, LocalDate to, Figures total, List<Earning> merchants) {

        static Earnings of(Statement.Earnings e) {
            return new Earnings(e.period().from(), e.period().to(), Figures.of(e.total()), e.merchants().stream()
                    .map(m -> new Earning(m.merchant().value(), m.merchantName(), Figures.of(m.figures()))).toList());
        }
    }

    @Schema(name = "CommissionStatementLine")
    record Line(UUID merchantId, @Nullable String merchantName, String taker, @Nullable UUID takerMerchantId,
            @Nullable String takerName, Figures figures) {}

    @Schema(name = "CommissionStatements")
    record All(LocalDate from, LocalDate to, Figures total, List<Line> lines) {

        static All of(Statement.All a) {
            return new All(a.period().from(), a.period().to(), Figures.of(a.total()), a.lines().stream()
                    .map(l -> new Line(l.merchant().value(), l.merchantName(), l.taker().key(),
                            l.taker().merchantId(), l.takerName(), Figures.of(l.figures())))
                    .toList());
        }
    }
}
