/**
 * Reviews from verified purchases: a customer reviews an order once it was really used — a deal's voucher redeemed, a
 * table's bill paid, a pick-up handed over, a POS sale on their membership — asked of the owning modules when the review
 * is posted. Each store's count and average are kept in one row beside the reviews (and lent to the nearby list through
 * {@link o2o.merchants.StoreRatings}); low scores are flagged with a reply deadline for the merchant; the operator hides
 * abusive reviews.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "orders", "vouchers", "pickup",
        "delivery"})
@NullMarked
package o2o.reviews;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
