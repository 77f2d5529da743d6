package o2o.pos;

import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;

/** What became of one sale of a batch: recorded, a duplicate of one recorded before, or rejected with its problem. */
public record BatchResult(int index, @Nullable String posTransactionId, Outcome outcome, @Nullable SaleRecord sale,
        @Nullable Rejection problem) {

    public enum Outcome { RECORDED, DUPLICATE, REJECTED }

    /** The problem+json fields of a rejected sale. */
    public record Rejection(String type, int status, String detail) {

        static Rejection of(Problem problem) {
            return new Rejection(problem.type().toString(), problem.status().value(), problem.getMessage());
        }
    }
}
