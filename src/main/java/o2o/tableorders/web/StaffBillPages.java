package o2o.tableorders.web;

import java.util.Set;
import java.util.UUID;

import o2o.dining.Tables;
import o2o.identity.StaffPrincipal;
import o2o.payments.Payments;
import o2o.shared.MerchantId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.shared.web.FormValues;
import o2o.shared.web.OnProblem;
import o2o.tableorders.Bills;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A table's bill on the staff's screen ({@code /merchant/tables/{id}/bill}): the diners' bill, and the counter. */
@Controller
class StaffBillPages {

    /** The gateways whose QR code a payer scans at the counter. */
    private static final Set<String> QR_AT_THE_COUNTER = Set.of("wechatpay", "alipay");

    private final Bills bills;
    private final Tables tables;
    private final Payments payments;

    StaffBillPages(Bills bills, Tables tables, Payments payments) {
        this.bills = bills;
        this.tables = tables;
        this.payments = payments;
    }

    @GetMapping("/merchant/tables/{tableId}/bill")
    String staffBill(StaffPrincipal staff, @PathVariable UUID tableId, Model model) {
        staffModel(staff, tableId, model);
        return "tableorders/bill-staff";
    }

    @GetMapping("/merchant/tables/{tableId}/bill/panel")
    String staffPanel(StaffPrincipal staff, @PathVariable UUID tableId, Model model) {
        staffModel(staff, tableId, model);
        return "tableorders/bill-staff :: panel";
    }

    @PostMapping("/merchant/tables/{tableId}/bill/ask")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffAsk(StaffPrincipal staff, @PathVariable UUID tableId) {
        return staffAct(tableId, () -> bills.askByStaff(staff, tableId));
    }

    @PostMapping("/merchant/tables/{tableId}/bill/split")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffSplit(StaffPrincipal staff, @PathVariable UUID tableId, @RequestParam String split,
            @RequestParam(defaultValue = "1") String parts) {
        var how = BillFormValues.split(split);
        return staffAct(tableId, () -> bills.splitByStaff(staff, tableId, how, FormValues.number("parts", parts)));
    }

    @PostMapping("/merchant/tables/{tableId}/bill/reopen")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffReopen(StaffPrincipal staff, @PathVariable UUID tableId) {
        return staffAct(tableId, () -> bills.reopen(staff, tableId));
    }

    @PostMapping("/merchant/tables/{tableId}/bill/counter")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffCounter(StaffPrincipal staff, @PathVariable UUID tableId, @RequestParam String method) {
        return staffAct(tableId, () -> bills.settleAtCounter(staff, tableId, method));
    }

    @PostMapping("/merchant/tables/{tableId}/bill/shares/{shareId}/counter")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffShareCounter(StaffPrincipal staff, @PathVariable UUID tableId, @PathVariable UUID shareId,
            @RequestParam String method) {
        return staffAct(tableId, () -> bills.settleShareAtCounter(staff, tableId, shareId, method));
    }

    /** Staff show the payer a gateway's QR code for a share (WeChat Pay or Alipay); its page returns here once paid. */
    @PostMapping("/merchant/tables/{tableId}/bill/shares/{shareId}/qr")
    @OnProblem(redirect = "/merchant/tables/{tableId}/bill")
    String staffShareQr(StaffPrincipal staff, @PathVariable UUID tableId, @PathVariable UUID shareId,
            @RequestParam String provider) {
        return "redirect:" + bills.qrAtCounter(staff, tableId, shareId, provider);
    }

    private void staffModel(StaffPrincipal staff, UUID tableId, Model model) {
        var table = tables.table(tableId).filter(t -> staff.canActIn(new MerchantId(t.merchantId()), new StoreId(t.storeId())))
                .orElseThrow(() -> Problem.notFound("table"));
        model.addAttribute("table", table);
        model.addAttribute("qrGateways", payments.gatewaysOf(table.merchantId()).stream()
                .filter(QR_AT_THE_COUNTER::contains).toList());
        model.addAttribute("bill", bills.forStaffIfSeated(staff, tableId).orElse(null));
    }

    private static String staffAct(UUID tableId, Runnable action) {
        action.run();
        return "redirect:/merchant/tables/" + tableId + "/bill";
    }
}
