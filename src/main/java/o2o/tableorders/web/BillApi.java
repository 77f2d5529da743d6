package o2o.tableorders.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import o2o.identity.CustomerPrincipal;
import o2o.identity.StaffPrincipal;
import o2o.tableorders.Bill;
import o2o.tableorders.BillPreview;
import o2o.tableorders.Bills;
import o2o.tableorders.SharePayment;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The table's bill over JSON: diners (by the table's code; signed in, or the phone that scanned it) see it, ask for
 * it and split it, and signed-in diners claim items and pay their share;
 * floor staff (by table id) see it, split or reopen it and take shares' money at the counter.
 */
@RestController
@Tag(name = "Table bill")
class BillApi {

    private final Bills bills;
    private final TableDiners diners;

    BillApi(Bills bills, TableDiners diners) {
        this.bills = bills;
        this.diners = diners;
    }

    @GetMapping("/api/v1/tables/{code}/bill")
    Bill bill(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request) {
        return bills.forTable(code, null, diners.required(authentication, request));
    }

    /** Asks for the bill: no round goes out after this. Asking again returns the same bill. */
    @PostMapping("/api/v1/tables/{code}/bill")
    Bill ask(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request) {
        return bills.ask(code, diners.required(authentication, request).key());
    }

    /** Splits the bill whole, evenly or by items; splitting again cancels shares being paid (409 once one is paid). */
    @PostMapping("/api/v1/tables/{code}/bill/split")
    Bill split(@PathVariable String code, @Valid @RequestBody SplitRequest request,
            @Nullable Authentication authentication, HttpServletRequest servlet) {
        diners.required(authentication, servlet);
        return bills.split(code, request.split(), request.partsOrOne());
    }

    /** Claims items into the caller's share, all or none: 409 {@code bill-item-taken} if another share holds one. */
    @PostMapping("/api/v1/tables/{code}/bill/claims")
    Bill claim(CustomerPrincipal customer, @PathVariable String code, @Valid @RequestBody Claim claim) {
        return bills.claim(code, customer, claim.itemIds());
    }

    @PostMapping("/api/v1/tables/{code}/bill/claims/release")
    Bill release(CustomerPrincipal customer, @PathVariable String code, @Valid @RequestBody Claim claim) {
        return bills.unclaim(code, customer, claim.itemIds());
    }

    /** Gathers the items nobody claimed into one share. */
    @PostMapping("/api/v1/tables/{code}/bill/rest")
    Bill rest(@PathVariable String code, @Nullable Authentication authentication, HttpServletRequest request) {
        diners.required(authentication, request);
        return bills.gatherRest(code);
    }

    @GetMapping("/api/v1/tables/{code}/bill/shares/{shareId}/preview")
    BillPreview preview(CustomerPrincipal customer, @PathVariable String code, @PathVariable UUID shareId,
            @RequestParam(required = false) @Nullable UUID couponId,
            @RequestParam(defaultValue = "0") long pointsToUse) {
        return bills.preview(code, customer, shareId, couponId, pointsToUse);
    }

    /**
     * Pays a share: places its order and starts the payment ({@code redirectUrl} is the gateway's page; null when it
     * is already paid). The same payer again gets the same order and payment; another payer 409
     * {@code bill-share-taken}.
     */
    @PostMapping("/api/v1/tables/{code}/bill/shares/{shareId}/payment")
    @ResponseStatus(HttpStatus.CREATED)
    SharePayment pay(CustomerPrincipal customer, @PathVariable String code, @PathVariable UUID shareId,
            @Valid @RequestBody PayShare request) {
        var payment = new Bills.Payment(request.method(), request.couponId(),
                request.pointsToUse() == null ? 0 : request.pointsToUse());
        return bills.pay(code, customer, shareId, payment, "/t/" + UriUtils.encodePathSegment(code, "UTF-8") + "/bill");
    }

    @GetMapping("/api/v1/merchant/tables/{tableId}/bill")
    Bill staffBill(StaffPrincipal staff, @PathVariable UUID tableId) {
        return bills.forStaff(staff, tableId);
    }

    @PostMapping("/api/v1/merchant/tables/{tableId}/bill")
    Bill staffAsk(StaffPrincipal staff, @PathVariable UUID tableId) {
        return bills.askByStaff(staff, tableId);
    }

    @PostMapping("/api/v1/merchant/tables/{tableId}/bill/split")
    Bill staffSplit(StaffPrincipal staff, @PathVariable UUID tableId, @Valid @RequestBody SplitRequest request) {
        return bills.splitByStaff(staff, tableId, request.split(), request.partsOrOne());
    }

    /** Reopens a bill nobody has paid anything of: rounds may go out again. */
    @PostMapping("/api/v1/merchant/tables/{tableId}/bill/reopen")
    Bill reopen(StaffPrincipal staff, @PathVariable UUID tableId) {
        return bills.reopen(staff, tableId);
    }

    /** Takes the money of everything unpaid at the counter (CASH or CARD); the bill settles and the table is freed. */
    @PostMapping("/api/v1/merchant/tables/{tableId}/bill/counter")
    Bill counter(StaffPrincipal staff, @PathVariable UUID tableId, @Valid @RequestBody Counter request) {
        return bills.settleAtCounter(staff, tableId, request.method());
    }

    @PostMapping("/api/v1/merchant/tables/{tableId}/bill/shares/{shareId}/counter")
    Bill shareCounter(StaffPrincipal staff, @PathVariable UUID tableId, @PathVariable UUID shareId,
            @Valid @RequestBody Counter request) {
        return bills.settleShareAtCounter(staff, tableId, shareId, request.method());
    }
}
