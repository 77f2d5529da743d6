package o2o.ledger;

import o2o.shared.InvalidInput;

/**
 * What an account is, as a natural key: its kind (e.g. POINTS, STORED_VALUE_PRINCIPAL, ISSUED), whose it is
 * ({@code customer:<id>}, {@code merchant:<id>}, {@code platform}), within what ({@code program:<id>},
 * {@code merchant:<id>}), and in what unit ({@code PTS} or a currency code).
 */
public record AccountKey(String kind, String holder, String scope, String unit) {

    public AccountKey {
        for (var part : new String[] {kind, holder, scope, unit}) {
            if (part.isBlank() || part.length() > 100) throw new InvalidInput("account", "malformed account key");
        }
    }
}
