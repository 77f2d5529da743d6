package o2o.ledger.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import o2o.ledger.Ledger;
import o2o.ledger.Reconciliation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: ledger")
class LedgerAdminApi {

    private final Ledger ledger;

    LedgerAdminApi(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Recomputes every balance from the journal; a clean ledger has no differences and no unbalanced entries. */
    @GetMapping("/api/v1/admin/ledger/reconcile")
    Reconciliation reconcile() {
        return ledger.reconcile();
    }
}
