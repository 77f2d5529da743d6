package o2o.payments.alipay;

import java.math.BigDecimal;
import java.math.RoundingMode;

import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** Amounts as Alipay writes them: yuan with two decimals. */
final class Yuan {

    private Yuan() {}

    /** Fen as Alipay's yuan with two decimals ("15.00"). */
    static String of(Money amount) {
        if (!amount.currency().equals(Money.CNY)) throw new InvalidInput("amount", "Alipay takes CNY");
        return BigDecimal.valueOf(amount.minor(), 2).toPlainString();
    }

    /** Alipay's yuan as fen, exactly; a third decimal or anything else that is not an amount is refused. */
    static Money toFen(@Nullable String yuan) {
        try {
            return new Money(new BigDecimal(yuan == null ? "" : yuan).setScale(2, RoundingMode.UNNECESSARY)
                    .unscaledValue().longValueExact(), Money.CNY);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new InvalidInput("total_amount", "not an amount in yuan");
        }
    }
}
