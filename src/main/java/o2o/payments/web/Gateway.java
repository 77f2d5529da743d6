package o2o.payments.web;

import java.util.Map;

import o2o.payments.ProviderAccount;
import o2o.payments.web.PaymentConsole.State;
import org.jspecify.annotations.Nullable;

/**
 * One gateway as the page shows it.
 *
 * @param values what the form's plain fields hold: the saved values, or what was posted when it was refused
 * @param shown what the saved account may show, by field name (lists joined into a line)
 * @param errors messages by field name; {@code ""} for one that belongs to no field of the form
 */
record Gateway(String provider, State state, @Nullable ProviderAccount account, @Nullable GatewayForm form,
        Map<String, String> shown, Map<String, String> values, String mode, Map<String, String> errors) {}
