package o2o.malls.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import o2o.identity.StaffPrincipal;
import o2o.malls.MallStatements;
import o2o.malls.Malls;
import o2o.malls.StatementMonth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly settlement between a mall and its tenants: the mall operator closes a month into statements and marks their
 * payouts paid; each tenant reads its own statements.
 */
@RestController
@Tag(name = "Mall settlement")
class MallStatementApi {

    private final Malls malls;
    private final MallStatements statements;
    private final StatementViews views;

    MallStatementApi(Malls malls, MallStatements statements, StatementViews views) {
        this.malls = malls;
        this.statements = statements;
        this.views = views;
    }

    record CloseRequest(@NotNull @Size(min = 7, max = 7) String month) {}

    record PayoutRequest(@NotBlank @Size(max = 100) String reference) {}

    @GetMapping("/api/v1/merchant/mall/statements")
    @Operation(summary = "The mall's statements of a month (`2026-11`), one per tenant merchant; none before it is closed")
    @ApiResponse(responseCode = "200", description = "the statements")
    @ApiResponse(responseCode = "400", description = "not a month")
    @ApiResponse(responseCode = "403", description = "not an owner or manager of a mall's merchant")
    List<StatementResponse> ofMonth(StaffPrincipal staff, @RequestParam String month) {
        var mall = malls.operatedBy(staff);
        return views.of(statements.of(mall, StatementMonth.parse("month", month)));
    }

    @PostMapping("/api/v1/merchant/mall/statements/close")
    @Operation(summary = "Closes an ended month (China time): a statement per tenant merchant, each written and "
            + "recorded on the ledger once; closing again answers the same statements")
    @ApiResponse(responseCode = "200", description = "the month's statements")
    @ApiResponse(responseCode = "400", description = "not a month")
    @ApiResponse(responseCode = "403", description = "not an owner or manager of a mall's merchant")
    @ApiResponse(responseCode = "422", description = "mall-month-not-ended: the month is still running or to come")
    List<StatementResponse> close(StaffPrincipal staff, @Valid @RequestBody CloseRequest request) {
        var mall = malls.operatedBy(staff);
        return views.of(statements.close(mall, StatementMonth.parse("month", request.month())));
    }

    @GetMapping("/api/v1/merchant/mall/statements/{id}")
    @ApiResponse(responseCode = "200", description = "the statement")
    @ApiResponse(responseCode = "403", description = "not an owner or manager of a mall's merchant")
    @ApiResponse(responseCode = "404", description = "no such statement of this mall")
    StatementResponse one(StaffPrincipal staff, @PathVariable UUID id) {
        return views.of(statements.get(malls.operatedBy(staff), id));
    }

    @PostMapping("/api/v1/merchant/mall/statements/{id}/payout")
    @Operation(summary = "Marks the statement's payout paid with the transfer's reference, once; posts the ledger "
            + "entry that settles the statement")
    @ApiResponse(responseCode = "200", description = "the statement, paid")
    @ApiResponse(responseCode = "400", description = "no reference, or longer than 100 characters")
    @ApiResponse(responseCode = "403", description = "not an owner or manager of a mall's merchant")
    @ApiResponse(responseCode = "404", description = "no such statement of this mall")
    @ApiResponse(responseCode = "409", description = "mall-payout-paid: paid before (nothing changed)")
    StatementResponse pay(StaffPrincipal staff, @PathVariable UUID id, @Valid @RequestBody PayoutRequest request) {
        return views.of(statements.pay(malls.operatedBy(staff), id, request.reference()));
    }

    @GetMapping("/api/v1/merchant/mall-statements")
    @Operation(summary = "The caller's merchant's statements with every mall it rents in, newest month first")
    @ApiResponse(responseCode = "200", description = "the statements")
    @ApiResponse(responseCode = "403", description = "not an owner or manager")
    List<StatementResponse> mine(StaffPrincipal staff) {
        return views.of(statements.ofTenant(staff));
    }
}
