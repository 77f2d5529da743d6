/**
 * Insights: the merchant's dashboard (the console's home) and the operator's, from a read model fed by events. Paid
 * orders, refunds, redemptions, new members, stored value spent and points earned and spent are added up per merchant
 * and day (Asia/Shanghai) into rollup tables as they happen, each fact once, so a dashboard reads a few hundred rows
 * whatever the number of orders behind them.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "merchants", "orders", "deals", "vouchers", "loyalty",
        "wallet"})
@NullMarked
package o2o.insights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
