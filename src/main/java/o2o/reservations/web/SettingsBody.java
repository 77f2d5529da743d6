package o2o.reservations.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import o2o.reservations.ReservationSettings;
import o2o.reservations.ReservationSettings.TableType;
import o2o.shared.InvalidInput;
import o2o.shared.Money;
import org.jspecify.annotations.Nullable;

/** Slots per weekday (MONDAY … SUNDAY) as times like "18:00"; the deposit in fen, per booking or per person. */
@Schema(name = "ReservationStaffSettingsBody")
record SettingsBody(@Nullable Map<DayOfWeek, List<String>> slots, @Nullable List<TypeBody> tableTypes,
        @Nullable Integer daysAhead, @Nullable Integer cutoffMinutes, @Nullable Long depositMinor,
        @Nullable Boolean depositPerPerson, @Nullable Integer freeCancelHours, @Nullable Integer reminderMinutes) {

    static SettingsBody of(ReservationSettings s) {
        var slots = new EnumMap<DayOfWeek, List<String>>(DayOfWeek.class);
        for (var day : DayOfWeek.values()) slots.put(day, s.slotsOn(day).stream().map(LocalTime::toString).toList());
        return new SettingsBody(slots, s.tableTypes().stream()
                .map(t -> new TypeBody(t.name(), t.minParty(), t.maxParty(), t.tables())).toList(),
                s.daysAhead(), s.cutoffMinutes(), s.deposit().minor(), s.depositPerPerson(), s.freeCancelHours(),
                s.reminderMinutes());
    }

    ReservationSettings toSettings() {
        if (slots == null) throw new InvalidInput("slots", "required");
        if (tableTypes == null) throw new InvalidInput("tableTypes", "required");
        var days = new EnumMap<DayOfWeek, List<LocalTime>>(DayOfWeek.class);
        slots.forEach((day, times) -> days.put(day, (times == null ? List.<String>of() : times).stream()
                .map(t -> ReservationSettings.parseTime("slots", t == null ? "" : t)).toList()));
        var types = tableTypes.stream().map(t -> {
            if (t == null || t.name() == null || t.minParty() == null || t.maxParty() == null || t.tables() == null) {
                throw new InvalidInput("tableTypes", "each needs name, minParty, maxParty and tables");
            }
            return new TableType(t.name(), t.minParty(), t.maxParty(), t.tables());
        }).toList();
        if (depositMinor != null && depositMinor < 0) throw new InvalidInput("depositMinor", "0 or more");
        return new ReservationSettings(days, types, required("daysAhead", daysAhead),
                required("cutoffMinutes", cutoffMinutes), Money.cny(depositMinor == null ? 0 : depositMinor),
                Boolean.TRUE.equals(depositPerPerson), required("freeCancelHours", freeCancelHours),
                required("reminderMinutes", reminderMinutes));
    }

    private static int required(String field, @Nullable Integer value) {
        if (value == null) throw new InvalidInput(field, "required");
        return value;
    }
}
