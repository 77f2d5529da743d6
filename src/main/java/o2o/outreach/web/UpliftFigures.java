package o2o.outreach.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import o2o.outreach.OutreachResults.UpliftReport;
import o2o.outreach.Uplift;
import o2o.outreach.persistence.AudienceRows.MessageState;
import org.jspecify.annotations.Nullable;

/**
 * What the results page draws and prints of an {@link UpliftReport}: each arm's conversion and spend per member with
 * its own 95 % interval for the charts (floating bars), the uplifts with theirs, money as yuan with two decimals.
 */
record UpliftFigures(UpliftReport report) {

    /** What a range shows when there are too few members to give one. */
    static final String NONE = "—";

    public Uplift uplift() {
        return report.uplift();
    }

    /** Treated then held out: conversion in percent, and its interval's ends ("" where too few to say). */
    public String conversionValues() {
        return join(arms().stream().map(a -> round(a.conversionRate() * 100, 1)).toList());
    }

    public String conversionLows() {
        return join(arms().stream().map(a -> conversionEnd(a, -1)).toList());
    }

    public String conversionHighs() {
        return join(arms().stream().map(a -> conversionEnd(a, 1)).toList());
    }

    /** Treated then held out: spend per member in yuan, and its interval's ends. */
    public String spendValues() {
        return join(arms().stream().map(a -> round(a.spendPerMember() / 100, 2)).toList());
    }

    public String spendLows() {
        return join(arms().stream().map(a -> spendEnd(a, -1)).toList());
    }

    public String spendHighs() {
        return join(arms().stream().map(a -> spendEnd(a, 1)).toList());
    }

    /** An arm's conversion as "23.4 %", its interval as "15.0 – 31.8 %" or "—". */
    public String percent(Uplift.Arm arm) {
        return round(arm.conversionRate() * 100, 1) + " %";
    }

    public String percentRange(Uplift.Arm arm) {
        var low = conversionEnd(arm, -1);
        return low.isEmpty() ? NONE : low + " – " + conversionEnd(arm, 1) + " %";
    }

    public String spendRange(Uplift.Arm arm) {
        var low = spendEnd(arm, -1);
        return low.isEmpty() ? NONE : yuanText(low) + " – " + yuanText(spendEnd(arm, 1));
    }

    /** A share-point difference: "+3.2". */
    public String points(double share) {
        return signed(round(share * 100, 1));
    }

    /** The interval of a share-point difference: "−1.0 – +7.4", or "" without one. */
    public String pointsRange(Uplift.Interval interval) {
        return interval.low() == null || interval.high() == null ? ""
                : points(interval.low()) + " – " + points(interval.high());
    }

    /** Fen as "¥12.30", "-¥4.00". */
    public String yuan(double minor) {
        return yuanText(round(minor / 100, 2));
    }

    public String yuanRange(Uplift.Interval interval) {
        return interval.low() == null || interval.high() == null ? NONE
                : yuan(interval.low()) + " – " + yuan(interval.high());
    }

    /** A ratio as a percentage ("125.0 %"), or "—" when there is none. */
    public String ratio(@Nullable Double ratio) {
        return ratio == null ? NONE : round(ratio * 100, 1) + " %";
    }

    /** Whether the interval says anything: {@code significant}, {@code not-significant} or {@code too-few}. */
    public String verdict(Uplift.Interval interval) {
        if (interval.low() == null) return "too-few";
        return interval.significant() ? "significant" : "not-significant";
    }

    public int messages(String state) {
        return report.messages().getOrDefault(MessageState.valueOf(state), 0);
    }

    private List<Uplift.Arm> arms() {
        return List.of(report.uplift().treated(), report.uplift().holdout());
    }

    private static String conversionEnd(Uplift.Arm arm, int side) {
        var end = end(arm.conversionInterval(), side);
        return end == null ? "" : round(Math.clamp(end, 0, 1) * 100, 1);
    }

    private static String spendEnd(Uplift.Arm arm, int side) {
        var end = end(arm.spendInterval(), side);
        return end == null ? "" : round(end / 100, 2);
    }

    private static @Nullable Double end(Uplift.Interval interval, int side) {
        return side < 0 ? interval.low() : interval.high();
    }

    private static String yuanText(String decimal) {
        return decimal.startsWith("-") ? "-¥" + decimal.substring(1) : "¥" + decimal;
    }

    private static String signed(String decimal) {
        return decimal.startsWith("-") ? decimal : "+" + decimal;
    }

    private static String round(double value, int decimals) {
        var text = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        return text.matches("-0\\.0+") ? text.substring(1) : text;
    }

    private static String join(List<String> values) {
        return String.join("|", values);
    }
}
