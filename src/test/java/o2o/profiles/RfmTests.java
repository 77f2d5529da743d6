package o2o.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import o2o.profiles.Rfm.Group;
import org.junit.jupiter.api.Test;

class RfmTests {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void tenMembersWithDistinctValuesFallTwoToAQuintile() {
        var members = new ArrayList<Rfm.Member>();
        for (int i = 0; i < 10; i++) {
            members.add(new Rfm.Member(T0.plusSeconds(86_400L * i), i + 1, 1_000L * (10 - i)));
        }
        var scores = Rfm.score(members);
        for (int i = 0; i < 10; i++) {
            assertThat(scores[i].r()).as("recency of member %d", i).isEqualTo(1 + i / 2);
            assertThat(scores[i].f()).as("frequency of member %d", i).isEqualTo(1 + i / 2);
            assertThat(scores[i].m()).as("monetary of member %d: the most spent is the first", i)
                    .isEqualTo(5 - i / 2);
        }
    }

    @Test
    void equalValuesGetTheSameScoreTheQuintileOfTheFirstOfThem() {
        var members = List.of(member(1, 1), member(2, 1), member(3, 1), member(4, 1), member(5, 9));
        var scores = Rfm.score(members);
        assertThat(List.of(scores[0].f(), scores[1].f(), scores[2].f(), scores[3].f(), scores[4].f()))
                .containsExactly(1, 1, 1, 1, 5);
    }

    @Test
    void membersWhoNeverBoughtHaveNoScoresAndAreNew() {
        var scores = Rfm.score(List.of(new Rfm.Member(null, 0, 0), member(1, 3)));
        assertThat(scores[0]).isNull();
        assertThat(scores[1]).as("alone among buyers: the lowest quintile").isEqualTo(new Rfm(1, 1, 1));
        assertThat(Rfm.groupOf(null)).isEqualTo(Group.NEW);
    }

    @Test
    void namedGroupsFollowTheFirstRuleThatFits() {
        assertThat(new Rfm(5, 5, 5).group()).isEqualTo(Group.CHAMPIONS);
        assertThat(new Rfm(4, 4, 4).group()).isEqualTo(Group.CHAMPIONS);
        assertThat(new Rfm(4, 4, 3).group()).as("often and recently, but not much").isEqualTo(Group.LOYAL);
        assertThat(new Rfm(3, 5, 1).group()).isEqualTo(Group.LOYAL);
        assertThat(new Rfm(2, 5, 5).group()).as("used to buy often").isEqualTo(Group.AT_RISK);
        assertThat(new Rfm(1, 3, 1).group()).isEqualTo(Group.AT_RISK);
        assertThat(new Rfm(5, 1, 5).group()).as("recently, once").isEqualTo(Group.NEW);
        assertThat(new Rfm(4, 2, 1).group()).isEqualTo(Group.NEW);
        assertThat(new Rfm(3, 3, 3).group()).isEqualTo(Group.POTENTIAL);
        assertThat(new Rfm(5, 3, 2).group()).isEqualTo(Group.POTENTIAL);
        assertThat(new Rfm(2, 2, 5).group()).as("long ago and rarely").isEqualTo(Group.HIBERNATING);
        assertThat(new Rfm(1, 1, 1).group()).isEqualTo(Group.HIBERNATING);
    }

    @Test
    void scoresOutsideOneToFiveAreRefused() {
        assertThatThrownBy(() -> new Rfm(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rfm(1, 6, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Rfm.Member member(int day, long visits) {
        return new Rfm.Member(T0.plusSeconds(86_400L * day), visits, visits * 100);
    }
}
