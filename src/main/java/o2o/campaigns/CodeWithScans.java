package o2o.campaigns;

/** A tracking code and how many times its short link has been opened. */
public record CodeWithScans(TrackingCode code, long scans) {}
