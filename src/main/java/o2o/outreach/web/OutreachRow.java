package o2o.outreach.web;

import java.util.UUID;

import o2o.outreach.Outreach;
import o2o.outreach.OutreachView;
import o2o.outreach.persistence.AudienceRows.Arm;
import o2o.outreach.persistence.AudienceRows.MessageState;
import org.jspecify.annotations.Nullable;

/**
 * One line of the console's outreach list: the campaign's name, how it reaches members and where it stands, members
 * per arm and messages per state.
 */
record OutreachRow(UUID id, String name, Outreach outreach, @Nullable String segment, int treated, int heldOut,
        int sent, int pending, int capped, int optedOut, int unreachable) {

    static OutreachRow of(OutreachView view, String name, @Nullable String segment) {
        var arms = view.arms();
        var messages = view.messages();
        return new OutreachRow(view.outreach().campaignId(), name, view.outreach(), segment,
                arms.getOrDefault(Arm.TREATED, 0), arms.getOrDefault(Arm.HOLDOUT, 0),
                messages.getOrDefault(MessageState.SENT, 0), messages.getOrDefault(MessageState.PENDING, 0),
                messages.getOrDefault(MessageState.CAPPED, 0), messages.getOrDefault(MessageState.OPTED_OUT, 0),
                messages.getOrDefault(MessageState.UNREACHABLE, 0));
    }

    public boolean paused() {
        return outreach.status() == Outreach.Status.PAUSED;
    }
}
