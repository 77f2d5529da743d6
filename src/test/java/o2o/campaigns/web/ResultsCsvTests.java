package o2o.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import o2o.campaigns.Figures;
import org.junit.jupiter.api.Test;

/** A results table as CSV: spreadsheet-safe cells, amounts in yuan, labels beside their keys. */
class ResultsCsvTests {

    @Test
    void eachRowIsQuotedWithItsLabelAndAmountsInYuanAfterAByteOrderMarkAndTheHeader() {
        var csv = ResultsCsv.of(List.of(new Figures("store-1", 3, 2, 1, 1, 0, 0, 6800, 500),
                new Figures("", 0, 0, 1, 0, 0, 0, -1250, 0)), Map.of("store-1", "南京西路店"), "键,名称");
        assertThat(csv).startsWith("\uFEFF键,名称\r\n");
        assertThat(csv).contains("\"store-1\",\"南京西路店\",3,2,1,1,0,0,68.00,5.00\r\n");
        assertThat(csv).contains("\"\",\"\",0,0,1,0,0,0,-12.50,0.00\r\n");
    }

    @Test
    void aCellAsAFormulaOrWithQuotesCannotBreakOutOrRun() {
        assertThat(ResultsCsv.quoted("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ResultsCsv.quoted("-1")).isEqualTo("\"'-1\"");
        assertThat(ResultsCsv.quoted("POSTER")).isEqualTo("\"POSTER\"");
    }
}
