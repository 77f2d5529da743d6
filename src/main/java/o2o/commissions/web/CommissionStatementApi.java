package o2o.commissions.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.commissions.CommissionStatements;
import o2o.identity.StaffPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Commission statements: the merchant's own and what it earned as a taker (owners and managers), every merchant's. */
@RestController
@Tag(name = "Commission")
class CommissionStatementApi {

    private static final String PERIOD = " Days in Asia/Shanghai from `from` up to, not including, `to` (default "
            + "the 30 days up to today; at most 366); 400 when from is not before to";

    private final CommissionStatements statements;

    CommissionStatementApi(CommissionStatements statements) {
        this.statements = statements;
    }

    @GetMapping("/api/v1/merchant/commission/statement")
    @Operation(summary = "The caller's merchant's commission: orders charged and their gross, commission charged, "
            + "given back for refunds, and net, over the period and per day, then per taker (the platform, a mall) "
            + "with its days." + PERIOD)
    @ApiResponse(responseCode = "200", description = "The statement")
    StatementResponses.OfMerchant statement(StaffPrincipal staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return StatementResponses.OfMerchant.of(statements.statement(staff, from, to));
    }

    @GetMapping("/api/v1/merchant/commission/earnings")
    @Operation(summary = "What the caller's merchant, taking commission of others (a mall), earned of each of them "
            + "over the period." + PERIOD)
    @ApiResponse(responseCode = "200", description = "The earnings, per merchant")
    StatementResponses.Earnings earnings(StaffPrincipal staff,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return StatementResponses.Earnings.of(statements.earnings(staff, from, to));
    }

    @GetMapping("/api/v1/admin/commission/statements")
    @Operation(summary = "Every merchant's commission towards each taker over the period, and the total." + PERIOD)
    @ApiResponse(responseCode = "200", description = "The statements")
    StatementResponses.All all(StaffPrincipal operator,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return StatementResponses.All.of(statements.all(operator, from, to));
    }
}
