package o2o.shared;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** Input that no retry will make valid: a 400 naming the offending field. */
public class InvalidInput extends Problem {

    public InvalidInput(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-input", field + ": " + detail, Map.of("field", field));
    }
}
