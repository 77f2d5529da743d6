package o2o.mallevents.web;

import java.time.ZoneId;
import java.util.Map;

import o2o.mallevents.EventTerms;
import o2o.shared.Money;
import o2o.shared.web.FormValues;

/** The console's event form: times as {@code datetime-local} in the mall's zone, the price in yuan. */
final class EventForm {

    private EventForm() {}

    static EventTerms terms(Map<String, String> form, ZoneId zone) {
        var deadline = form.getOrDefault("signUpDeadline", "");
        return EventTerms.of(form.getOrDefault("title", ""), form.getOrDefault("description", ""),
                form.getOrDefault("place", ""), FormValues.instant("startsAt", form.get("startsAt"), zone),
                FormValues.instant("endsAt", form.get("endsAt"), zone), FormValues.number("capacity", form.get("capacity")),
                FormValues.money("price", blankToZero(form.get("price")), Money.CNY),
                deadline.isBlank() ? null : FormValues.instant("signUpDeadline", deadline, zone));
    }

    private static String blankToZero(String text) {
        return text == null || text.isBlank() ? "0" : text;
    }
}
