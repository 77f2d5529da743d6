package o2o.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void quotesEveryFieldDoublesQuotesAndDefusesFormulasButNotNegativeNumbers() {
        var csv = Csv.of(List.of("菜品", "金额"), List.of(List.of("红烧肉, \"招牌\"", "-12.50"),
                List.of("=HYPERLINK(\"x\")", "3")));
        assertThat(csv).startsWith("\uFEFF\"菜品\",\"金额\"\r\n");
        assertThat(csv).contains("\"红烧肉, \"\"招牌\"\"\",\"-12.50\"\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\",\"3\"\r\n");
    }
}
