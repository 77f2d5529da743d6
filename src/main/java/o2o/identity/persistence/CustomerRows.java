package o2o.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import o2o.identity.CustomerPrincipal;
import o2o.identity.WechatAccount;
import o2o.shared.Ids;
import o2o.shared.PhoneNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer table: one row per phone, registered once however many sign-ins race. A merged customer keeps its
 * row and points at the one it became; "resolved" reads follow that pointer.
 */
@Repository
public class CustomerRows {

    private static final String RESOLVED = """
            select t.id, t.phone from customer c join customer t on t.id = coalesce(c.merged_into, c.id)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CustomerRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insert(PhoneNumber phone, Instant at) {
        jdbc.sql("""
                        insert into customer (id, phone, created_at) values (:id, :phone, :now)
                        on conflict (phone) do nothing
                        """)
                .param("id", Ids.next()).param("phone", phone.value()).param("now", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Inserts the phones not registered yet and returns every phone's customer id. */
    public Map<String, UUID> insertAll(List<PhoneNumber> phones, Instant at) {
        var now = Timestamp.from(at);
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
        return ids;
    }

    public long countWithPrefix(String digits) {
        return jdbc.sql("select count(*) from customer where phone like :p").param("p", digits + "%")
                .query(Long.class).single();
    }

    public Optional<PhoneNumber> phone(UUID customerId) {
        return jdbc.sql("select phone from customer where id = :id")
                .param("id", customerId).query(String.class).optional().map(PhoneNumber::new);
    }

    public Map<UUID, PhoneNumber> phones(Collection<UUID> customerIds) {
        var phones = new HashMap<UUID, PhoneNumber>();
        jdbc.sql("select id, phone from customer where id = any(:ids)")
                .param("ids", customerIds.toArray(UUID[]::new))
                .query((rs, row) -> phones.put(rs.getObject("id", UUID.class), new PhoneNumber(rs.getString("phone"))))
                .list();
        return phones;
    }

    public Optional<CustomerPrincipal> resolvedByPhone(PhoneNumber phone) {
        return jdbc.sql(RESOLVED + " where c.phone = :phone").param("phone", phone.value())
                .query(CustomerRows::principal).optional();
    }

    public Optional<CustomerPrincipal> resolvedById(UUID customerId) {
        return jdbc.sql(RESOLVED + " where c.id = :id").param("id", customerId).query(CustomerRows::principal).optional();
    }

    public Optional<CustomerPrincipal> resolvedByOpenid(String openid) {
        return jdbc.sql(RESOLVED + " where c.wechat_openid = :openid").param("openid", openid)
                .query(CustomerRows::principal).optional();
    }

    /** Binds the account unless the customer was merged or is bound to another openid; false then. */
    public boolean bindWechat(UUID customerId, WechatAccount account) {
        return jdbc.sql("""
                        update customer set wechat_openid = :openid,
                            wechat_unionid = coalesce(:unionid, wechat_unionid),
                            wechat_nickname = coalesce(:nickname, wechat_nickname),
                            wechat_avatar_url = coalesce(:avatar, wechat_avatar_url)
                        where id = :id and merged_into is null and (wechat_openid is null or wechat_openid = :openid)
                        """)
                .param("openid", account.openid()).param("unionid", account.unionid())
                .param("nickname", account.nickname()).param("avatar", account.avatarUrl())
                .param("id", customerId)
                .update() == 1;
    }

    public Optional<UUID> holderOfOpenid(String openid) {
        return jdbc.sql("select id from customer where wechat_openid = :openid")
                .param("openid", openid).query(UUID.class).optional();
    }

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

    public void unbindWechat(UUID customerId, String openid) {
        jdbc.sql("""
                        update customer set wechat_openid = null, wechat_unionid = null, wechat_nickname = null,
                            wechat_avatar_url = null
                        where id = :id and wechat_openid = :openid
                        """)
                .param("id", customerId).param("openid", openid).update();
    }

    public Optional<WechatAccount> wechat(UUID customerId) {
        return jdbc.sql("""
                        select wechat_openid, wechat_unionid, wechat_nickname, wechat_avatar_url from customer
                        where id = :id and wechat_openid is not null
                        """)
                .param("id", customerId)
                .query((rs, row) -> new WechatAccount(rs.getString("wechat_openid"), rs.getString("wechat_unionid"),
                        rs.getString("wechat_nickname"), rs.getString("wechat_avatar_url")))
                .optional();
    }

    private static CustomerPrincipal principal(ResultSet rs, int row) throws SQLException {
        return new CustomerPrincipal(rs.getObject("id", UUID.class), new PhoneNumber(rs.getString("phone")));
    }

    /** The customers born on this day of the year, in any year. */
    public List<UUID> bornOn(java.time.MonthDay day) {
        return jdbc.sql("""
                        select id from customer
                         where extract(month from birthday) = :month and extract(day from birthday) = :day
                        """)
                .param("month", day.getMonthValue()).param("day", day.getDayOfMonth()).query(UUID.class).list();
    }

    public Optional<java.time.LocalDate> birthday(UUID customerId) {
        return jdbc.sql("select birthday from customer where id = :id").param("id", customerId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, java.time.LocalDate.class)))
                .optional().flatMap(b -> b);
    }

    /** The birthdays of those of these customers who gave one. */
    public java.util.Map<UUID, java.time.LocalDate> birthdays(java.util.List<UUID> customerIds) {
        var found = new java.util.HashMap<UUID, java.time.LocalDate>();
        jdbc.sql("select id, birthday from customer where id = any(cast(:ids as uuid[])) and birthday is not null")
                .param("ids", customerIds.toArray(UUID[]::new))
                .query((rs, row) -> found.put(rs.getObject(1, UUID.class), rs.getObject(2, java.time.LocalDate.class)))
                .list();
        return found;
    }

    public void setBirthday(UUID customerId, java.time.@org.jspecify.annotations.Nullable LocalDate birthday) {
        jdbc.sql("update customer set birthday = :birthday where id = :id").param("id", customerId)
                .param("birthday", new org.springframework.jdbc.core.SqlParameterValue(java.sql.Types.DATE,
                        birthday == null ? null : java.sql.Date.valueOf(birthday)))
                .update();
    }
}
