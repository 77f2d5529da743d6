package o2o.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-read Bearer header accepts exactly what Spring's resolver's pattern accepts, and yields the same token. */
class BearerHeaderTests {

    private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @Test
    void readsTheHeaderAsSpringsPatternDoes() {
        var headers = new ArrayList<String>(List.of("Bearer abc.def-ghi_jkl~+/", "bearer abc", "BEARER a==",
                "Bearer a=b", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", "Bearer abc\n", "Basic abc",
                "Bearer ==", "Bearer a\u00e9", "Bearerabc", "Bearer a,b", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"));
        var random = new Random(7);
        var alphabet = "aZ09-._~+/= \t,\u00e9\n".toCharArray();
        for (int n = 0; n < 20_000; n++) {
            var header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR");
            for (int i = random.nextInt(12); i > 0; i--) header.append(alphabet[random.nextInt(alphabet.length)]);
            headers.add(header.toString());
        }
        int accepted = 0;
        for (var header : headers) {
            var matcher = SPRING.matcher(header);
            var expected = matcher.matches() ? matcher.group("token") : null;
            assertThat(PosKeyAuthentication.wellFormed(header)).as(header).isEqualTo(expected);
            if (expected != null) accepted++;
        }
        assertThat(accepted).isGreaterThan(1_000);
        assertThat(PosKeyAuthentication.wellFormed(null)).isNull();
    }
}
