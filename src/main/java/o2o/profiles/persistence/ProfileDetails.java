package o2o.profiles.persistence;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code profile_store}, {@code profile_item}, {@code profile_category} and {@code profile_channel} tables: where,
 * what (items and their menu categories) and how a member bought, added to per batch with one statement each.
 */
@Repository
public class ProfileDetails {

    public record StoreRow(UUID merchant, UUID customer, UUID store, long visits) {}

    public record ItemRow(UUID merchant, UUID customer, String title, long quantity, long amount) {}

    public record CategoryRow(UUID merchant, UUID customer, String category, long quantity, long amount) {}

    public record ChannelRow(UUID merchant, UUID customer, String channel, long orders) {}

    private final JdbcClient jdbc;

    ProfileDetails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void addStores(List<StoreRow> rows) {
        ProfileRows.chunked(rows, chunk -> jdbc.sql("""
                        insert into profile_store as s (merchant_id, customer_id, store_id, visits)
                        select * from unnest(cast(:m as uuid[]), cast(:c as uuid[]), cast(:s as uuid[]),
                                             cast(:v as bigint[]))
                        on conflict (merchant_id, customer_id, store_id) do update set visits = s.visits + excluded.visits
                        """)
                .param("m", chunk.stream().map(StoreRow::merchant).toArray(UUID[]::new))
                .param("c", chunk.stream().map(StoreRow::customer).toArray(UUID[]::new))
                .param("s", chunk.stream().map(StoreRow::store).toArray(UUID[]::new))
                .param("v", chunk.stream().map(StoreRow::visits).toArray(Long[]::new))
                .update());
    }

    public void addItems(List<ItemRow> rows) {
        ProfileRows.chunked(rows, chunk -> jdbc.sql("""
                        insert into profile_item as i (merchant_id, customer_id, title, quantity, amount)
                        select * from unnest(cast(:m as uuid[]), cast(:c as uuid[]), cast(:t as text[]),
                                             cast(:q as bigint[]), cast(:a as bigint[]))
                        on conflict (merchant_id, customer_id, title) do update
                        set quantity = i.quantity + excluded.quantity, amount = i.amount + excluded.amount
                        """)
                .param("m", chunk.stream().map(ItemRow::merchant).toArray(UUID[]::new))
                .param("c", chunk.stream().map(ItemRow::customer).toArray(UUID[]::new))
                .param("t", chunk.stream().map(ItemRow::title).toArray(String[]::new))
                .param("q", chunk.stream().map(ItemRow::quantity).toArray(Long[]::new))
                .param("a", chunk.stream().map(ItemRow::amount).toArray(Long[]::new))
                .update());
    }

    public void addCategories(List<CategoryRow> rows) {
        ProfileRows.chunked(rows, chunk -> jdbc.sql("""
                        insert into profile_category as x (merchant_id, customer_id, category, quantity, amount)
                        select * from unnest(cast(:m as uuid[]), cast(:c as uuid[]), cast(:cat as text[]),
                                             cast(:q as bigint[]), cast(:a as bigint[]))
                        on conflict (merchant_id, customer_id, category) do update
                        set quantity = x.quantity + excluded.quantity, amount = x.amount + excluded.amount
                        """)
                .param("m", chunk.stream().map(CategoryRow::merchant).toArray(UUID[]::new))
                .param("c", chunk.stream().map(CategoryRow::customer).toArray(UUID[]::new))
                .param("cat", chunk.stream().map(CategoryRow::category).toArray(String[]::new))
                .param("q", chunk.stream().map(CategoryRow::quantity).toArray(Long[]::new))
                .param("a", chunk.stream().map(CategoryRow::amount).toArray(Long[]::new))
                .update());
    }

    public void addChannels(List<ChannelRow> rows) {
        ProfileRows.chunked(rows, chunk -> jdbc.sql("""
                        insert into profile_channel as ch (merchant_id, customer_id, channel, orders)
                        select * from unnest(cast(:m as uuid[]), cast(:c as uuid[]), cast(:ch as text[]),
                                             cast(:o as bigint[]))
                        on conflict (merchant_id, customer_id, channel) do update set orders = ch.orders + excluded.orders
                        """)
                .param("m", chunk.stream().map(ChannelRow::merchant).toArray(UUID[]::new))
                .param("c", chunk.stream().map(ChannelRow::customer).toArray(UUID[]::new))
                .param("ch", chunk.stream().map(ChannelRow::channel).toArray(String[]::new))
                .param("o", chunk.stream().map(ChannelRow::orders).toArray(Long[]::new))
                .update());
    }

    /** The member's stores by visits, most first. */
    public List<StoreRow> topStores(UUID merchant, UUID customer, int limit) {
        return jdbc.sql("""
                        select merchant_id, customer_id, store_id, visits from profile_store
                        where merchant_id = :m and customer_id = :c order by visits desc, store_id limit :limit
                        """)
                .param("m", merchant).param("c", customer).param("limit", limit)
                .query((rs, row) -> new StoreRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getLong(4)))
                .list();
    }

    /** The member's items by quantity, most first. */
    public List<ItemRow> topItems(UUID merchant, UUID customer, int limit) {
        return jdbc.sql("""
                        select merchant_id, customer_id, title, quantity, amount from profile_item
                        where merchant_id = :m and customer_id = :c order by quantity desc, title limit :limit
                        """)
                .param("m", merchant).param("c", customer).param("limit", limit)
                .query((rs, row) -> new ItemRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** The member's menu categories by quantity, most first. */
    public List<CategoryRow> topCategories(UUID merchant, UUID customer, int limit) {
        return jdbc.sql("""
                        select merchant_id, customer_id, category, quantity, amount from profile_category
                        where merchant_id = :m and customer_id = :c order by quantity desc, category limit :limit
                        """)
                .param("m", merchant).param("c", customer).param("limit", limit)
                .query((rs, row) -> new CategoryRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    public List<ChannelRow> channels(UUID merchant, UUID customer) {
        return jdbc.sql("""
                        select merchant_id, customer_id, channel, orders from profile_channel
                        where merchant_id = :m and customer_id = :c order by orders desc, channel
                        """)
                .param("m", merchant).param("c", customer)
                .query((rs, row) -> new ChannelRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** A merged customer's stores, items, categories, channels and tags become the target's at the given merchants. */
    public void moveCustomer(List<UUID> merchants, UUID source, UUID target) {
        if (merchants.isEmpty()) return;
        var ms = merchants.toArray(UUID[]::new);
        move("""
                insert into profile_store as x (merchant_id, customer_id, store_id, visits)
                select merchant_id, :t, store_id, visits from profile_store
                where merchant_id = any(cast(:ms as uuid[])) and customer_id = :s
                on conflict (merchant_id, customer_id, store_id) do update set visits = x.visits + excluded.visits
                """, "profile_store", ms, source, target);
        move("""
                insert into profile_item as x (merchant_id, customer_id, title, quantity, amount)
                select merchant_id, :t, title, quantity, amount from profile_item
                where merchant_id = any(cast(:ms as uuid[])) and customer_id = :s
                on conflict (merchant_id, customer_id, title) do update
                set quantity = x.quantity + excluded.quantity, amount = x.amount + excluded.amount
                """, "profile_item", ms, source, target);
        move("""
                insert into profile_category as x (merchant_id, customer_id, category, quantity, amount)
                select merchant_id, :t, category, quantity, amount from profile_category
                where merchant_id = any(cast(:ms as uuid[])) and customer_id = :s
                on conflict (merchant_id, customer_id, category) do update
                set quantity = x.quantity + excluded.quantity, amount = x.amount + excluded.amount
                """, "profile_category", ms, source, target);
        move("""
                insert into profile_channel as x (merchant_id, customer_id, channel, orders)
                select merchant_id, :t, channel, orders from profile_channel
                where merchant_id = any(cast(:ms as uuid[])) and customer_id = :s
                on conflict (merchant_id, customer_id, channel) do update set orders = x.orders + excluded.orders
                """, "profile_channel", ms, source, target);
        move("""
                insert into profile_tag (merchant_id, customer_id, tag, created_at)
                select merchant_id, :t, tag, created_at from profile_tag
                where merchant_id = any(cast(:ms as uuid[])) and customer_id = :s
                on conflict do nothing
                """, "profile_tag", ms, source, target);
    }

    private void move(String insert, String table, UUID[] merchants, UUID source, UUID target) {
        jdbc.sql(insert).param("ms", merchants).param("s", source).param("t", target).update();
        // the table's name is one of this class's constants, never input
        jdbc.sql("delete from " + table + " where merchant_id = any(cast(:ms as uuid[])) and customer_id = :s")
                .param("ms", merchants).param("s", source).update();
    }
}
