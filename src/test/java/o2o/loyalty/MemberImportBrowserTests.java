package o2o.loyalty;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import o2o.testing.BrowserTest;
import o2o.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** An owner uploads the member list exported from the old system and reads which rows were refused and why. */
class MemberImportBrowserTests extends BrowserTest {

    @Test
    void anOwnerUploadsACsvWithOneBadRowAndSeesTheReport() {
        var merchant = fixtures.approvedMerchant("导入页面店");
        var card = Fixtures.unique("W");
        var csv = "card_number,phone,name,points,balance\n"
                + card + "-1," + Fixtures.uniquePhone() + ",张三,120,30.00\n"
                + card + "-2,1234,李四,0,0\n"
                + card + "-3," + Fixtures.uniquePhone() + ",王五,,\n";

        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.locator("#to-member-import").click();
        assertThat(page.locator("h1")).hasText("导入会员");
        page.locator("#import-file").setInputFiles(new FilePayload("members.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.locator("#import-submit").click();

        assertThat(page.locator("#count-rows")).hasText("3");
        assertThat(page.locator("#count-imported")).hasText("2");
        assertThat(page.locator("#count-rejected")).hasText("1");
        var rejection = page.locator("#rejections .rejection");
        assertThat(rejection).hasCount(1);
        assertThat(rejection.locator(".line")).hasText("3");
        assertThat(rejection.locator(".card")).hasText(card + "-2");
        assertThat(rejection.locator(".reason")).hasText("手机号不对");

        page.locator("a", new Page.LocatorOptions().setHasText("导入会员")).first().click();
        assertThat(page.locator(".imports li")).hasCount(1);
        assertThat(page.locator(".imports li")).containsText("members.csv");
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedOnTheFormPage() {
        var merchant = fixtures.approvedMerchant("导入表头");
        signInAsStaff(merchant.ownerUsername(), "password-1");
        page.navigate("/merchant/members/import");
        page.locator("#import-file").setInputFiles(new FilePayload("members.csv", "text/csv",
                ("A-0001," + Fixtures.uniquePhone() + ",,1,1\n").getBytes(StandardCharsets.UTF_8)));
        page.locator("#import-submit").click();
        assertThat(page.locator("#errors")).containsText("card_number,phone,name,points,balance");
        assertThat(page.locator(".imports li")).hasCount(0);
    }
}
