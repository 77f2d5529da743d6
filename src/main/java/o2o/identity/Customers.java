package o2o.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.Page;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for customers: one customer per phone number. */
@Service
public class Customers {

    private static final String CARDS = """
            select m.merchant_id, m.card_number, m.customer_id, c.phone, m.bound_at
            from member_card m join customer c on c.id = m.customer_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    Customers(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** The customer holding this phone, registered on first sight. Safe when two sign-ins race. */
    @Transactional
    public CustomerPrincipal findOrRegister(PhoneNumber phone) {
        jdbc.sql("""
                        insert into customer (id, phone, created_at) values (:id, :phone, :now)
                        on conflict (phone) do nothing
                        """)
                .param("id", Ids.next())
                .param("phone", phone.value())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return byPhone(phone).orElseThrow();
    }

    /** Registers many phones at once (imports, demo data); returns the customers' ids in the phones' order. */
    @Transactional
    public List<UUID> registerAll(List<PhoneNumber> phones) {
        var now = Timestamp.from(clock.instant());
        template.batchUpdate("insert into customer (id, phone, created_at) values (?, ?, ?) on conflict (phone) do nothing",
                phones, 5000, (ps, phone) -> {
                    ps.setObject(1, Ids.next());
                    ps.setString(2, phone.value());
                    ps.setTimestamp(3, now);
                });
        var ids = new HashMap<String, UUID>();
        jdbc.sql("select id, phone from customer where phone = any(:phones)")
                .param("phones", phones.stream().map(PhoneNumber::value).toArray(String[]::new))
                .query((rs, row) -> ids.put(rs.getString("phone"), rs.getObject("id", UUID.class)))
                .list();
        return phones.stream().map(p -> ids.get(p.value())).toList();
    }

    @Transactional(readOnly = true)
    public long countWithPrefix(String phonePrefix) {
        return jdbc.sql("select count(*) from customer where phone like :p")
                .param("p", phonePrefix.replaceAll("[^0-9]", "") + "%").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<PhoneNumber> phoneOf(UUID customerId) {
        return jdbc.sql("select phone from customer where id = :id")
                .param("id", customerId)
                .query(String.class)
                .optional()
                .map(PhoneNumber::new);
    }

    /** The phones of these customers (merged ones included, each its own), in one query; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<UUID, PhoneNumber> phonesOf(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) return Map.of();
        var phones = new HashMap<UUID, PhoneNumber>();
        jdbc.sql("select id, phone from customer where id = any(:ids)")
                .param("ids", customerIds.toArray(UUID[]::new))
                .query((rs, row) -> phones.put(rs.getObject("id", UUID.class), new PhoneNumber(rs.getString("phone"))))
                .list();
        return phones;
    }

    /** The customer holding this phone; for a phone whose customer was merged, the customer it was merged into. */
    @Transactional(readOnly = true)
    public Optional<CustomerPrincipal> byPhone(PhoneNumber phone) {
        return jdbc.sql("""
                        select t.id, t.phone from customer c join customer t on t.id = coalesce(c.merged_into, c.id)
                        where c.phone = :phone
                        """)
                .param("phone", phone.value())
                .query(Customers::principal)
                .optional();
    }

    /**
     * Who a customer id stands for now: itself, or the customer it was merged into. Signed-in callers are resolved
     * through this on every request, so a merged customer's tokens and sessions act as the target.
     */
    @Transactional(readOnly = true)
    public Optional<CustomerPrincipal> current(UUID customerId) {
        return jdbc.sql("""
                        select t.id, t.phone from customer c join customer t on t.id = coalesce(c.merged_into, c.id)
                        where c.id = :id
                        """)
                .param("id", customerId)
                .query(Customers::principal)
                .optional();
    }

    /** The customer this WeChat openid is bound to (the merge target, if that customer was merged). */
    @Transactional(readOnly = true)
    public Optional<CustomerPrincipal> byWechatOpenid(String openid) {
        return jdbc.sql("""
                        select t.id, t.phone from customer c join customer t on t.id = coalesce(c.merged_into, c.id)
                        where c.wechat_openid = :openid
                        """)
                .param("openid", openid)
                .query(Customers::principal)
                .optional();
    }

    /**
     * Binds a WeChat account (as WeChat vouched for it) to the customer, with its unionid and profile. Binding the same
     * openid again refreshes them; an openid bound to somebody else, or a customer bound to another WeChat account
     * already, is a 409: nothing is ever rebound silently.
     */
    @Transactional
    public void bindWechat(UUID customerId, WechatAccount account) {
        int bound;
        try {
            bound = jdbc.sql("""
                            update customer set wechat_openid = :openid,
                                wechat_unionid = coalesce(:unionid, wechat_unionid),
                                wechat_nickname = coalesce(:nickname, wechat_nickname),
                                wechat_avatar_url = coalesce(:avatar, wechat_avatar_url)
                            where id = :id and merged_into is null and (wechat_openid is null or wechat_openid = :openid)
                            """)
                    .param("openid", account.openid()).param("unionid", account.unionid())
                    .param("nickname", account.nickname()).param("avatar", account.avatarUrl())
                    .param("id", customerId)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw wechatTaken();
        }
        if (bound == 1) return;
        var owner = jdbc.sql("select id from customer where wechat_openid = :openid")
                .param("openid", account.openid()).query(UUID.class).optional();
        if (owner.isPresent() && !owner.get().equals(customerId)) throw wechatTaken();
        if (current(customerId).isEmpty()) throw Problem.notFound("customer");
        throw new Problem(HttpStatus.CONFLICT, "wechat-other-bound",
                "this customer is bound to another WeChat account; unbind it first");
    }

    /** Refreshes the profile of the customer bound to this openid (a sign-in that shared it); nobody bound: nothing. */
    @Transactional
    public void refreshWechatProfile(WechatAccount account) {
        jdbc.sql("""
                        update customer set wechat_unionid = coalesce(:unionid, wechat_unionid),
                            wechat_nickname = coalesce(:nickname, wechat_nickname),
                            wechat_avatar_url = coalesce(:avatar, wechat_avatar_url)
                        where wechat_openid = :openid
                        """)
                .param("openid", account.openid()).param("unionid", account.unionid())
                .param("nickname", account.nickname()).param("avatar", account.avatarUrl())
                .update();
    }

    /** Unbinds the openid if it is this customer's; anything else changes nothing. */
    @Transactional
    public void unbindWechat(UUID customerId, String openid) {
        jdbc.sql("""
                        update customer set wechat_openid = null, wechat_unionid = null, wechat_nickname = null,
                            wechat_avatar_url = null
                        where id = :id and wechat_openid = :openid
                        """)
                .param("id", customerId).param("openid", openid).update();
    }

    /** The WeChat account bound to the customer, if any. */
    @Transactional(readOnly = true)
    public Optional<WechatAccount> wechatOf(UUID customerId) {
        return jdbc.sql("""
                        select wechat_openid, wechat_unionid, wechat_nickname, wechat_avatar_url from customer
                        where id = :id and wechat_openid is not null
                        """)
                .param("id", customerId)
                .query((rs, row) -> new WechatAccount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The customer a merchant's member card is bound to. */
    @Transactional(readOnly = true)
    public Optional<CustomerPrincipal> byCard(UUID merchantId, String cardNumber) {
        return jdbc.sql("""
                        select c.id, c.phone from member_card m join customer c on c.id = m.customer_id
                        where m.merchant_id = :merchant and m.card_number = :card
                        """)
                .param("merchant", merchantId).param("card", cardNumber.strip())
                .query(Customers::principal)
                .optional();
    }

    /** The member cards a customer holds at a merchant, oldest first. */
    @Transactional(readOnly = true)
    public List<MemberCard> cardsOf(UUID customerId, UUID merchantId) {
        return jdbc.sql(CARDS + " where m.customer_id = :customer and m.merchant_id = :merchant order by m.bound_at, m.card_number")
                .param("customer", customerId).param("merchant", merchantId)
                .query(Customers::card)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<MemberCard> card(UUID merchantId, CardNumber cardNumber) {
        return jdbc.sql(CARDS + " where m.merchant_id = :merchant and m.card_number = :card")
                .param("merchant", merchantId).param("card", cardNumber.value())
                .query(Customers::card)
                .optional();
    }

    /** A merchant's member cards by number, a page at a time. */
    @Transactional(readOnly = true)
    public Page<MemberCard> cardsOfMerchant(UUID merchantId, @Nullable String after, int limit) {
        var rows = jdbc.sql(CARDS + " where m.merchant_id = :merchant and m.card_number > :after order by m.card_number limit :limit")
                .param("merchant", merchantId).param("after", after == null ? "" : after).param("limit", limit + 1)
                .query(Customers::card)
                .list();
        return rows.size() > limit
                ? new Page<>(rows.subList(0, limit), rows.get(limit - 1).cardNumber())
                : new Page<>(rows, null);
    }

    /**
     * Binds a merchant's card to a customer. Binding it again to the same customer changes nothing ({@code false});
     * a card already bound to somebody else is a 409.
     */
    @Transactional
    public boolean bindCard(UUID merchantId, CardNumber cardNumber, UUID customerId) {
        int bound = jdbc.sql("""
                        insert into member_card (merchant_id, card_number, customer_id, bound_at)
                        values (:merchant, :card, :customer, :now) on conflict do nothing
                        """)
                .param("merchant", merchantId).param("card", cardNumber.value()).param("customer", customerId)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (bound == 1) return true;
        var holder = byCard(merchantId, cardNumber.value()).map(CustomerPrincipal::customerId).orElseThrow();
        if (!holder.equals(customerId)) {
            throw new Problem(HttpStatus.CONFLICT, "card-taken", "this card is bound to another customer");
        }
        return false;
    }

    /** Unbinds a merchant's card; false if the merchant has no such card. */
    @Transactional
    public boolean unbindCard(UUID merchantId, CardNumber cardNumber) {
        return jdbc.sql("delete from member_card where merchant_id = :merchant and card_number = :card")
                .param("merchant", merchantId).param("card", cardNumber.value()).update() == 1;
    }

    private static Problem wechatTaken() {
        return new Problem(HttpStatus.CONFLICT, "wechat-taken", "this WeChat account is bound to another customer");
    }

    private static CustomerPrincipal principal(ResultSet rs, int row) throws SQLException {
        return new CustomerPrincipal(rs.getObject("id", UUID.class), new PhoneNumber(rs.getString("phone")));
    }

    private static MemberCard card(ResultSet rs, int row) throws SQLException {
        return new MemberCard(rs.getObject("merchant_id", UUID.class), rs.getString("card_number"),
                rs.getObject("customer_id", UUID.class), new PhoneNumber(rs.getString("phone")).masked(),
                rs.getObject("bound_at", OffsetDateTime.class).toInstant());
    }
}
