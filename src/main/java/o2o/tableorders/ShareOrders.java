package o2o.tableorders;

import java.util.List;
import java.util.UUID;

import o2o.dining.DiningTable;
import o2o.dining.Tables;
import o2o.orders.Channel;
import o2o.orders.NewOrder;
import o2o.orders.Order;
import o2o.orders.OrderStatus;
import o2o.orders.Orders;
import o2o.shared.CustomerId;
import o2o.shared.MerchantId;
import o2o.shared.Money;
import o2o.shared.OrderId;
import o2o.shared.Problem;
import o2o.shared.StoreId;
import o2o.tableorders.BillShare.Kind;
import o2o.tableorders.persistence.BillRepository;
import o2o.tableorders.persistence.BillShareRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The DINE_IN order that pays a share: what it lists, and attaching it to the share. */
@Component
class ShareOrders {

    private final BillRepository bills;
    private final BillShareRepository shares;
    private final BillViews views;
    private final Tables tables;
    private final Orders orders;

    ShareOrders(BillRepository bills, BillShareRepository shares, BillViews views, Tables tables, Orders orders) {
        this.bills = bills;
        this.shares = shares;
        this.views = views;
        this.tables = tables;
        this.orders = orders;
    }

    /** The order's lines: one line for an even share, else the share's dishes (every dish for the whole bill). */
    List<NewOrder.Line> lines(TableBill bill, BillShare share) {
        if (share.kind() == Kind.EVEN) {
            var label = tables.table(bill.tableId()).map(DiningTable::label).orElse("");
            return List.of(ShareLines.even(bill, share, label));
        }
        var items = bills.charged(bill, share.id(), share.kind() == Kind.WHOLE).stream().map(ShareLines::dish)
                .toList();
        if (items.isEmpty()) throw Problem.conflict("bill-share-empty", "this share has nothing to pay");
        return items;
    }

    /** The order now pays the share; 409 {@code bill-share-taken} when another payer's got there first. */
    void attach(BillShare share, UUID orderId, @Nullable UUID payer) {
        var paying = share.payingBy(new OrderId(orderId), payer == null ? null : new CustomerId(payer));
        if (!shares.attach(paying)) {
            throw BillShare.taken("somebody else is paying this share");
        }
    }

    /** The share's order: its payer's, or a walk-in order placed for it now. */
    UUID orderOf(TableBill bill, BillShare share) {
        if (share.orderId() != null) return share.orderId();
        var walkIn = orders.place(new NewOrder(new MerchantId(bill.merchantId()), new StoreId(bill.storeId()), null,
                Channel.DINE_IN, lines(bill, share), Money.zero(bill.subtotal().currency()), null, 0));
        attach(share, walkIn.id().value(), null);
        return walkIn.id().value();
    }

    /** A share whose order was cancelled unpaid (the event that frees it may still be on its way) is free now. */
    BillShare freeIfCancelled(TableBill bill, BillShare share) {
        var orderId = share.orderId();
        if (orderId == null || share.state() == BillShare.State.PAID) return share;
        if (orders.find(orderId).map(Order::status).orElseThrow() != OrderStatus.CANCELLED) return share;
        shares.free(share.freed().id(), orderId);
        return views.share(bill, share.id());
    }
}
