package o2o.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** The database's last line: a value PostgreSQL refuses as data is the caller's 400; other failures stay a 500. */
class UnstorableInputTests {

    private final StaticMessageSource messages = new StaticMessageSource();
    private final ProblemHandling handling = new ProblemHandling(messages,
            new ProblemResponses(messages, new FixedLocaleResolver(Locale.ENGLISH), JsonMapper.builder().build()),
            org.springframework.util.unit.DataSize.ofMegabytes(6));

    @Test
    void aNulOrAnOutOfRangeValueRefusedByPostgresqlIsA400() throws Exception {
        messages.addMessage("input.unstorable", Locale.ENGLISH, "The request holds a value that cannot be stored");
        for (var state : new String[] {"22021", "22P05", "22003", "22008"}) {
            var refused = new DataIntegrityViolationException("insert failed",
                    new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", state));
            var response = handling.database(refused, api(), new MockHttpServletResponse());
            assertThat(response).isNotNull();
            assertThat(response.getStatusCode()).as(state).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().getType().toString()).isEqualTo("urn:o2o:problem:invalid-input");
        }
    }

    @Test
    void anyOtherDatabaseFailureIsStillA500() throws Exception {
        var broken = new DataIntegrityViolationException("duplicate key", new SQLException("duplicate", "23505"));
        var response = handling.database(broken, api(), new MockHttpServletResponse());
        assertThat(response).isNotNull();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static MockHttpServletRequest api() {
        return new MockHttpServletRequest("POST", "/api/v1/anything");
    }
}
