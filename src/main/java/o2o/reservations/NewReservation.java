package o2o.reservations;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import o2o.shared.InvalidInput;
import o2o.shared.PhoneNumber;

/** What a customer asks to book: a slot of a store for a party, with a name and phone to reach them and a note. */
public record NewReservation(UUID storeId, LocalDate date, LocalTime time, int partySize, String contactName,
        PhoneNumber contactPhone, String note) {

    public NewReservation {
        if (partySize < 1 || partySize > 99) throw new InvalidInput("partySize", "between 1 and 99");
        contactName = contactName.strip();
        if (contactName.isEmpty() || contactName.length() > 40) throw new InvalidInput("name", "1-40 characters");
        note = note.strip();
        if (note.length() > 200) throw new InvalidInput("note", "at most 200 characters");
    }
}
