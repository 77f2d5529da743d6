package o2o.outreach;

import java.util.Map;

import o2o.outreach.persistence.AudienceRows.Arm;
import o2o.outreach.persistence.AudienceRows.MessageState;

/** A campaign's way of reaching members, with how many it took in per arm and where their messages stand. */
public record OutreachView(Outreach outreach, Map<Arm, Integer> arms, Map<MessageState, Integer> messages) {}
