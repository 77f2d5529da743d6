package o2o.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import o2o.identity.StaffPrincipal;
import o2o.insights.persistence.PlatformFigures;
import o2o.shared.InvalidInput;
import o2o.shared.Page;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operator's dashboard and merchant list. */
@Service
public class PlatformInsights {

    public static final int PAGE = 20;

    private final PlatformFigures figures;
    private final Clock clock;

    PlatformInsights(PlatformFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Platform dashboard(StaffPrincipal operator, @Nullable LocalDate from, @Nullable LocalDate to) {
        requireOperator(operator);
        var period = Period.of(from, to, clock);
        var previous = period.previous();
        return new Platform(period, previous, figures.totals(period.from(), period.to()),
                figures.totals(previous.from(), previous.to()), figures.split(false, period.from(), period.to()),
                figures.split(true, period.from(), period.to()));
    }

    /** Merchants by name ({@code q}, any case), {@value #PAGE} a page; {@code cursor} is the {@code next} before. */
    @Transactional(readOnly = true)
    public Page<Platform.MerchantRow> merchants(StaffPrincipal operator, @Nullable String q, @Nullable String cursor,
            @Nullable LocalDate from, @Nullable LocalDate to) {
        requireOperator(operator);
        if (q != null && q.length() > 100) throw new InvalidInput("q", "at most 100 characters");
        var period = Period.of(from, to, clock);
        var rows = figures.merchants(q, after(cursor), PAGE + 1, period.from(), period.to());
        if (rows.size() <= PAGE) return new Page<>(rows, null);
        return new Page<>(rows.subList(0, PAGE), rows.get(PAGE - 1).merchantId().toString());
    }

    private static @Nullable UUID after(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("cursor", "the next of a page before");
        }
    }

    private static void requireOperator(StaffPrincipal staff) {
        if (!staff.isOperator()) throw Problem.forbidden("only the platform's operator");
    }
}
