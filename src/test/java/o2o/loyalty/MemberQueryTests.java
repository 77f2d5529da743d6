package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import o2o.shared.InvalidInput;
import o2o.shared.PhoneNumber;
import org.junit.jupiter.api.Test;

class MemberQueryTests {

    @Test
    void digitsWithSpacesPlusAndDashSearchPhones() {
        var query = MemberQuery.of(" 138-0013 8 ");
        assertThat(query.byPhone()).isTrue();
        assertThat(query.phoneDigits()).isEqualTo("13800138");
        assertThat(query.name()).isEmpty();
        assertThat(query.matches(new PhoneNumber("13800138000"))).isTrue();
        assertThat(query.matches(new PhoneNumber("13900139000"))).isFalse();
    }

    @Test
    void anythingElseSearchesNamesWithItsWildcardsTakenLiterally() {
        var query = MemberQuery.of("王_100%");
        assertThat(query.byPhone()).isFalse();
        assertThat(query.name()).isEqualTo("王_100%");
        assertThat(query.escapedName()).isEqualTo("王\\_100\\%");
    }

    @Test
    void punctuationWithoutDigitsIsANameAndNothingListsEveryone() {
        assertThat(MemberQuery.of("+ -").name()).isEqualTo("+ -");
        assertThat(MemberQuery.of("+ -").byPhone()).isFalse();
        assertThat(MemberQuery.of(null)).isEqualTo(new MemberQuery("", ""));
        assertThat(MemberQuery.of("   ")).isEqualTo(new MemberQuery("", ""));
    }

    @Test
    void moreThanFortyCharactersIsRefused() {
        assertThatThrownBy(() -> MemberQuery.of("a".repeat(41))).isInstanceOf(InvalidInput.class);
        assertThat(MemberQuery.of("a".repeat(40)).name()).hasSize(40);
    }
}
