package o2o.outreach;

import java.util.UUID;

import o2o.outreach.persistence.ContactRows;
import o2o.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A merchant's frequency cap: at most one marketing message per member per so many days (0: no cap). */
@Component
class OutreachSettings {

    static final int MAX_CAP_DAYS = 90;

    private final ContactRows rows;
    private final int defaultCapDays;

    OutreachSettings(ContactRows rows, @Value("${o2o.outreach.cap-days:7}") int defaultCapDays) {
        this.rows = rows;
        this.defaultCapDays = defaultCapDays;
    }

    int capDays(UUID merchant) {
        return rows.capDays(merchant).orElse(defaultCapDays);
    }

    void setCapDays(UUID merchant, int days) {
        if (days < 0 || days > MAX_CAP_DAYS) throw new InvalidInput("capDays", "0 to " + MAX_CAP_DAYS);
        rows.setCapDays(merchant, days);
    }
}
