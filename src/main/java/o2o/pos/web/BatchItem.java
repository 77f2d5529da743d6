package o2o.pos.web;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.pos.BatchResult;
import org.jspecify.annotations.Nullable;

@Schema(name = "PosBatchItem")
record BatchItem(int index, @Nullable String posTransactionId, String outcome, @Nullable SaleResponse sale,
        BatchResult.@Nullable Rejection problem) {

    static BatchItem of(BatchResult result) {
        return new BatchItem(result.index(), result.posTransactionId(), result.outcome().name().toLowerCase(),
                result.sale() == null ? null : SaleResponse.of(result.sale()), result.problem());
    }
}
