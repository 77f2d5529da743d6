package o2o.pos.web;

import java.util.List;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import o2o.identity.PosPrincipal;
import o2o.pos.PosMembers;
import o2o.pos.PosSales;
import o2o.pos.Sale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a store's POS calls, authenticated by the store's API key. Amounts are in fen. */
@RestController
@RequestMapping("/api/v1/pos")
class PosApi {

    private final PosSales sales;
    private final PosMembers members;

    PosApi(PosSales sales, PosMembers members) {
        this.sales = sales;
        this.members = members;
    }

    /** 201 for a new sale, 200 with {@code duplicate: true} for one recorded before. */
    @PostMapping("/sales")
    @ApiResponse(responseCode = "201", description = "The sale, recorded now")
    @ApiResponse(responseCode = "200", description = "The sale recorded before under this posTransactionId")
    ResponseEntity<SaleResponse> record(PosPrincipal pos, @RequestBody Sale sale) {
        var recorded = sales.record(pos, sale);
        return ResponseEntity.status(recorded.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(SaleResponse.of(recorded));
    }

    @PostMapping("/sales/batch")
    BatchResponse batch(PosPrincipal pos, @RequestBody BatchRequest batch) {
        return new BatchResponse(sales.recordBatch(pos, batch.sales() == null ? List.of() : batch.sales()).stream()
                .map(BatchItem::of).toList());
    }

    @GetMapping("/sales/{posTransactionId}")
    SaleResponse sale(PosPrincipal pos, @PathVariable String posTransactionId) {
        return SaleResponse.of(sales.find(pos, posTransactionId));
    }

    @PostMapping("/sales/{posTransactionId}/void")
    SaleResponse voidSale(PosPrincipal pos, @PathVariable String posTransactionId) {
        return SaleResponse.of(sales.voidSale(pos, posTransactionId));
    }

    @PostMapping("/sales/{posTransactionId}/refunds")
    SaleResponse refund(PosPrincipal pos, @PathVariable String posTransactionId, @RequestBody RefundRequest refund) {
        return SaleResponse.of(sales.refund(pos, posTransactionId, refund.refundId(), refund.amount()));
    }

    @GetMapping("/members")
    MemberResponse member(PosPrincipal pos, @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String card,
            @RequestParam(required = false) @Nullable String memberQr) {
        return MemberResponse.of(members.lookup(pos, new Sale.MemberRef(phone, card, memberQr)));
    }

}
