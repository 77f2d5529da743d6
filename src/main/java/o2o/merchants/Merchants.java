package o2o.merchants;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import o2o.identity.NewStaff;
import o2o.identity.Role;
import o2o.identity.StaffAccounts;
import o2o.identity.StaffPrincipal;
import o2o.shared.Ids;
import o2o.shared.InvalidInput;
import o2o.shared.MerchantId;
import o2o.shared.Page;
import o2o.shared.PhoneNumber;
import o2o.shared.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's API for merchants: apply, be approved or rejected by an operator, be looked up. */
@Service
public class Merchants {

    private static final String COLUMNS = """
            id, name, category, contact_name, contact_phone, status, rejection_reason, applied_at, decided_at
            """;

    private final JdbcClient jdbc;
    private final StaffAccounts staffAccounts;
    private final ApplicationEventPublisher events;
    private final Stores stores;
    private final Clock clock;

    Merchants(JdbcClient jdbc, StaffAccounts staffAccounts, ApplicationEventPublisher events, Stores stores,
            Clock clock) {
        this.jdbc = jdbc;
        this.staffAccounts = staffAccounts;
        this.events = events;
        this.stores = stores;
        this.clock = clock;
    }

    /** Records an application and opens the owner's account, which can sign in and prepare stores at once. */
    @Transactional
    public Merchant apply(MerchantApplication application) {
        var phone = PhoneNumber.parse(application.contactPhone());
        var id = Ids.next();
        var now = clock.instant();
        jdbc.sql("""
                        insert into merchant (id, name, category, contact_name, contact_phone, status, applied_at)
                        values (:id, :name, :category, :contact, :phone, 'PENDING', :now)
                        """)
                .param("id", id)
                .param("name", application.name().strip())
                .param("category", application.category().strip())
                .param("contact", application.contactName().strip())
                .param("phone", phone.value())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        staffAccounts.open(new NewStaff(id, application.ownerUsername(), application.ownerPassword(),
                application.contactName().strip(), Role.OWNER, Set.of()));
        return find(id).orElseThrow();
    }

    @Transactional
    public Merchant approve(UUID merchantId, StaffPrincipal operator) {
        var now = clock.instant();
        decide(merchantId, MerchantStatus.APPROVED, null, operator);
        jdbc.sql("update store set listed = active where merchant_id = :merchant")
                .param("merchant", merchantId)
                .update();
        stores.forget(null); // an approval is rare: every store remembered is read again
        var merchant = find(merchantId).orElseThrow();
        events.publishEvent(new MerchantApproved(new MerchantId(merchantId), merchant.contactPhone(), now));
        return merchant;
    }

    @Transactional
    public Merchant reject(UUID merchantId, String reason, StaffPrincipal operator) {
        if (reason.isBlank() || reason.length() > 500) throw new InvalidInput("reason", "1 to 500 characters");
        decide(merchantId, MerchantStatus.REJECTED, reason.strip(), operator);
        var merchant = find(merchantId).orElseThrow();
        events.publishEvent(new MerchantRejected(new MerchantId(merchantId), merchant.contactPhone(), reason.strip(),
                clock.instant()));
        return merchant;
    }

    @Transactional(readOnly = true)
    public Optional<Merchant> find(UUID merchantId) {
        return jdbc.sql("select " + COLUMNS + " from merchant where id = :id")
                .param("id", merchantId)
                .query(Merchants::merchant)
                .optional();
    }

    /** The merchants of these ids that exist, by id, in one query. */
    @Transactional(readOnly = true)
    public Map<UUID, Merchant> findAll(Collection<UUID> merchantIds) {
        var found = new HashMap<UUID, Merchant>();
        if (merchantIds.isEmpty()) return found;
        jdbc.sql("select " + COLUMNS + " from merchant where id = any(:ids)")
                .param("ids", merchantIds.stream().distinct().toArray(UUID[]::new))
                .query(Merchants::merchant)
                .list()
                .forEach(merchant -> found.put(merchant.id(), merchant));
        return found;
    }

    /** Merchants in a status, oldest application first, paged by the id of the last one seen. */
    @Transactional(readOnly = true)
    public Page<Merchant> inStatus(MerchantStatus status, @Nullable String after, int limit) {
        UUID cursor = null;
        if (after != null && !after.isBlank()) {
            try {
                cursor = UUID.fromString(after);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("cursor", "not a cursor from this list");
            }
        }
        var rows = jdbc.sql("select " + COLUMNS + """
                         from merchant where status = :status and (cast(:after as uuid) is null or id > :after)
                        order by id limit :limit
                        """)
                .param("status", status.name())
                .param("after", new SqlParameterValue(Types.OTHER, cursor))
                .param("limit", limit + 1)
                .query(Merchants::merchant)
                .list();
        return page(rows, limit);
    }

    private void decide(UUID merchantId, MerchantStatus decision, @Nullable String reason, StaffPrincipal operator) {
        if (!operator.isOperator()) throw Problem.forbidden("only platform operators decide on merchants");
        int updated = jdbc.sql("""
                        update merchant set status = :status, rejection_reason = :reason, decided_at = :now,
                                            decided_by = :operator
                        where id = :id and status = 'PENDING'
                        """)
                .param("status", decision.name())
                .param("reason", new SqlParameterValue(Types.VARCHAR, reason))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("operator", operator.staffId())
                .param("id", merchantId)
                .update();
        if (updated == 0) {
            var merchant = find(merchantId).orElseThrow(() -> Problem.notFound("merchant"));
            throw Problem.conflict("merchant-already-decided", "this application was already " + merchant.status());
        }
    }

    static Page<Merchant> page(List<Merchant> rows, int limit) {
        return rows.size() > limit
                ? new Page<>(rows.subList(0, limit), rows.get(limit - 1).id().toString())
                : new Page<>(rows, null);
    }

    static Merchant merchant(ResultSet rs, int row) throws SQLException {
        var decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new Merchant(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("category"),
                rs.getString("contact_name"), rs.getString("contact_phone"),
                MerchantStatus.valueOf(rs.getString("status")), rs.getString("rejection_reason"),
                rs.getObject("applied_at", OffsetDateTime.class).toInstant(),
                decided == null ? null : decided.toInstant());
    }
}
