package o2o.deals.web;

import o2o.deals.Deal;

record Row(Deal deal, boolean onSale) {

    public int sold() {
        var total = deal.terms().stock();
        var left = deal.stockLeft();
        return total == null || left == null ? -1 : total - left;
    }
}
