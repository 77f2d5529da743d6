package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MemberImportTallyTests {

    @Test
    void rowsAreCountedByOutcome() {
        var tally = new MemberImportTally(List.of());
        tally.count(MemberImportTally.Outcome.IMPORTED);
        tally.count(MemberImportTally.Outcome.IMPORTED);
        tally.count(MemberImportTally.Outcome.MERGED);
        tally.count(MemberImportTally.Outcome.UNCHANGED);
        assertThat(List.of(tally.imported(), tally.merged(), tally.unchanged())).containsExactly(2, 1, 1);
        assertThat(tally.rejections()).isEmpty();
    }

    @Test
    void unreadableRowsAndRejectedRowsAreReportedInLineOrder() {
        var tally = new MemberImportTally(List.of(new MemberImportFile.Rejection(7, null, "bad-phone")));
        tally.reject(9, "C9", "card-bound-to-another-phone");
        tally.reject(3, "C3", "card-bound-to-another-phone");
        assertThat(tally.rejections()).extracting(MemberImport.Rejected::line).containsExactly(3, 7, 9);
        assertThat(tally.rejections().get(1)).isEqualTo(new MemberImport.Rejected(7, null, "bad-phone"));
    }
}
