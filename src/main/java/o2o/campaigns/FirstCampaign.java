package o2o.campaigns;

import java.time.Instant;
import java.util.UUID;

/** The first of a merchant's campaigns a customer's paid order or membership was attributed to, and when. */
public record FirstCampaign(UUID campaignId, String name, Instant at) {}
