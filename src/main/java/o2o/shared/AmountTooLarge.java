package o2o.shared;

import org.springframework.http.HttpStatus;

/**
 * An amount of money or points beyond what the platform counts ({@link Money#MAX_MINOR}), or arithmetic on such
 * amounts that would overflow: a 422, and the operation that computed it changes nothing.
 */
public class AmountTooLarge extends Problem {

    public AmountTooLarge(String what) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "amount-too-large", what + " is too large", what);
    }
}
