package o2o.profiles;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import o2o.profiles.persistence.LapseRows;
import o2o.shared.MerchantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which of a merchant's members last came within a span: for reaching those who have stopped coming. */
@Service
public class MemberLapses {

    private final LapseRows rows;

    MemberLapses(LapseRows rows) {
        this.rows = rows;
    }

    /** Each member whose last visit is at or after {@code from} and before {@code to}, with that visit. */
    @Transactional(readOnly = true)
    public Map<UUID, Instant> lastVisitBetween(MerchantId merchant, Instant from, Instant to) {
        return rows.lastVisitBetween(merchant.value(), from, to);
    }
}
