package o2o.shared;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on. Each has a stable type URI ({@code urn:o2o:problem:<slug>}) and an HTTP status,
 * and is rendered as RFC 9457 problem details; the message key gives the human text in the request's language.
 */
public class Problem extends RuntimeException {

    private final String slug;
    private final HttpStatus status;
    private final Object[] args;
    private final Map<String, Object> properties;

    public Problem(HttpStatus status, String slug, String detail, Object... args) {
        this(status, slug, detail, Map.of(), args);
    }

    public Problem(HttpStatus status, String slug, String detail, Map<String, Object> properties, Object... args) {
        super(detail);
        this.slug = slug;
        this.status = status;
        this.args = args;
        this.properties = properties;
    }

    public URI type() {
        return URI.create("urn:o2o:problem:" + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    /** Message-bundle key for the localized detail: {@code problem.<slug>}. */
    public String messageKey() {
        return "problem." + slug;
    }

    public Object[] args() {
        return args.clone();
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static Problem notFound(String what) {
        return new Problem(HttpStatus.NOT_FOUND, "not-found", what + " not found", what);
    }

    public static Problem forbidden(String detail) {
        return new Problem(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    public static Problem conflict(String slug, String detail) {
        return new Problem(HttpStatus.CONFLICT, slug, detail);
    }
}
