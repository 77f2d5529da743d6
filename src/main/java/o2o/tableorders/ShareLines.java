package o2o.tableorders;

import o2o.orders.LineKind;
import o2o.orders.NewOrder;
import o2o.tableorders.persistence.ChargedItem;

/** The lines of the order that pays a share: one line for an even share, one per dish otherwise. */
final class ShareLines {

    private ShareLines() {}

    /** The {@code position}-th of the even shares of the bill at this table, e.g. 桌台 A1 的 2/3. */
    static NewOrder.Line even(TableBill bill, BillShare share, String tableLabel) {
        return new NewOrder.Line(LineKind.SHARE, bill.id(), "桌台 " + tableLabel + " 的 " + share.position() + "/"
                + share.parts(), share.amount(), 1, share.amount());
    }

    static NewOrder.Line dish(ChargedItem item) {
        return new NewOrder.Line(LineKind.DISH, item.itemId(), item.title(), item.unitPrice(), item.quantity(),
                item.amount());
    }
}
