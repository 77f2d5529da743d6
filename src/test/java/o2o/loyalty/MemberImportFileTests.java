package o2o.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import o2o.shared.InvalidInput;
import o2o.shared.Problem;
import org.junit.jupiter.api.Test;

class MemberImportFileTests {

    static MemberImportFile.Parsed parse(String text) {
        return MemberImportFile.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsYuanIntoFenAndQuotedNamesWithCommas() {
        var parsed = parse("\uFEFFCard_Number, Phone, Name, Points, Balance\r\n"
                + " VIP-0001 ,+86 138 0013 8000,\"Li, \"\"Lei\"\"\",120,12.5\r\n"
                + "VIP-0002,13800138001,,,\r\n\r\n");
        assertThat(parsed.rejections()).isEmpty();
        var first = parsed.rows().getFirst();
        assertThat(first.card().value()).isEqualTo("VIP-0001");
        assertThat(first.phone().value()).isEqualTo("13800138000");
        assertThat(first.name()).isEqualTo("Li, \"Lei\"");
        assertThat(first.points()).isEqualTo(120);
        assertThat(first.balanceMinor()).isEqualTo(1250);
        var second = parsed.rows().get(1);
        assertThat(second.name()).isNull();
        assertThat(second.points()).isZero();
        assertThat(second.balanceMinor()).isZero();
        assertThat(second.line()).isEqualTo(3);
    }

    @Test
    void rejectsAmountsWithMoreThanTwoDecimalsOrASignAndAnUnclosedQuote() {
        var parsed = parse(MemberImportFile.HEADER + "\nA-001,13800138000,,1,1.005\nA-002,13800138000,,+1,0\n"
                + "A-003,13800138000,\"open,1,1\n");
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.rejections()).extracting(MemberImportFile.Rejection::reason)
                .containsExactly("balance", "points", "columns");
    }

    @Test
    void refusesAFileWithoutTheHeaderOrNotInUtf8() {
        assertThatThrownBy(() -> parse("A-001,13800138000,,1,1\n")).isInstanceOf(InvalidInput.class);
        var gbk = (MemberImportFile.HEADER + "\nA-001,13800138000,张三,1,1\n").getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> MemberImportFile.parse(gbk)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesMoreThanFiftyThousandRows() {
        var text = new StringBuilder(MemberImportFile.HEADER).append('\n');
        for (int i = 0; i <= MemberImportFile.MAX_ROWS; i++) text.append("C").append(1000 + i).append(",13800138000,,1,\n");
        assertThatThrownBy(() -> parse(text.toString())).isInstanceOf(Problem.class)
                .extracting(p -> ((Problem) p).status().value()).isEqualTo(413);
    }

    @Test
    void rejectsANameHoldingAControlCharacter() {
        var parsed = parse(MemberImportFile.HEADER + "\nA-001,13800138000,张\u0000三,1,1\nA-002,13800138001,李\u001b四,,\n"
                + "A-003,13800138002,王五,,\n");
        assertThat(parsed.rows()).extracting(row -> row.card().value()).containsExactly("A-003");
        assertThat(parsed.rejections()).extracting(MemberImportFile.Rejection::reason).containsExactly("name", "name");
    }
}
