package o2o.loyalty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What became of an import file's rows as they run: counted by outcome, rejections kept in line order. */
final class MemberImportTally {

    /** A row that ran: a new customer, a customer merged by phone, or a card imported before. */
    enum Outcome { IMPORTED, MERGED, UNCHANGED }

    private int imported;
    private int merged;
    private int unchanged;
    private final List<MemberImport.Rejected> rejections = new ArrayList<>();

    MemberImportTally(List<MemberImportFile.Rejection> unreadable) {
        unreadable.forEach(r -> reject(r.line(), r.cardNumber(), r.reason()));
    }

    void count(Outcome outcome) {
        switch (outcome) {
            case IMPORTED -> imported++;
            case MERGED -> merged++;
            case UNCHANGED -> unchanged++;
        }
    }

    void reject(int line, @Nullable String cardNumber, String reason) {
        rejections.add(new MemberImport.Rejected(line, cardNumber, reason));
    }

    int imported() {
        return imported;
    }

    int merged() {
        return merged;
    }

    int unchanged() {
        return unchanged;
    }

    List<MemberImport.Rejected> rejections() {
        return rejections.stream().sorted(Comparator.comparingInt(MemberImport.Rejected::line)).toList();
    }
}
