package o2o.deals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import o2o.merchants.StoreHighlight;
import o2o.merchants.StoreHighlights;
import o2o.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deals on sale, for search results and store pages: up to three per store, flash sales first, then cheapest.
 * Search asks for them on every request, so each store's list is remembered for a few seconds (and forgotten at once
 * when one of its deals is created or ended); a sale that starts, ends or sells out shows up within that time.
 */
@Component
class DealHighlights implements StoreHighlights {

    private static final Duration REMEMBER = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Cache<UUID, List<StoreHighlight>> remembered = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER)
            .maximumSize(200_000)
            .build();

    DealHighlights(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<StoreHighlight>> at(Collection<UUID> storeIds, Instant now) {
        var known = new HashMap<>(remembered.getAllPresent(storeIds));
        var missing = storeIds.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            var found = query(missing, now);
            for (var id : missing) {
                var list = List.copyOf(found.getOrDefault(id, List.of()));
                remembered.put(id, list);
                known.put(id, list);
            }
        }
        return known;
    }

    /** A deal of these stores changed: show it from the next search on. */
    void forget(Collection<UUID> storeIds) {
        remembered.invalidateAll(storeIds);
    }

    private Map<UUID, List<StoreHighlight>> query(Collection<UUID> storeIds, Instant now) {
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
