package o2o.deals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import o2o.merchants.StoreHighlight;
import o2o.merchants.StoreHighlights;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deals on sale, for search results and store pages: up to three per store, flash sales first, then cheapest. */
@Component
class DealHighlights implements StoreHighlights {

    private final JdbcClient jdbc;

    DealHighlights(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<StoreHighlight>> at(Collection<UUID> storeIds, Instant now) {
        var found = new HashMap<UUID, List<StoreHighlight>>();
        jdbc.sql("""
                        select store_id, id, title, price_minor, original_price_minor, currency, flash_sale from (
                            select s.store_id, d.id, d.title, d.price_minor, d.original_price_minor, d.currency,
                                   d.flash_sale, row_number() over (partition by s.store_id
                                       order by d.flash_sale desc, d.price_minor, d.id) as rank
                            from deal d cross join lateral unnest(d.store_ids) as s(store_id)
                            where d.store_ids && :stores and s.store_id = any(:stores) and d.active
                              and d.sale_starts_at <= :now and d.sale_ends_at > :now
                              and (d.stock_left is null or d.stock_left > 0)
                        ) ranked where rank <= 3
                        """)
                .param("stores", storeIds.toArray(UUID[]::new))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> {
                    var currency = Currency.getInstance(rs.getString("currency"));
                    var storeId = rs.getObject("store_id", UUID.class);
                    var highlight = new StoreHighlight(rs.getBoolean("flash_sale") ? "FLASH_SALE" : "DEAL",
                            rs.getObject("id", UUID.class), rs.getString("title"),
                            new Money(rs.getLong("price_minor"), currency),
                            new Money(rs.getLong("original_price_minor"), currency));
                    found.computeIfAbsent(storeId, k -> new ArrayList<>()).add(highlight);
                    return highlight;
                })
                .list();
        return found;
    }
}
