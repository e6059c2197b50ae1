package dev.entitystore.domain.criticality;

import java.util.List;

/** Kibana's criticality levels, and {@code unassigned}, which bulk and CSV writes take to remove one. */
public final class CriticalityLevels {
    public static final List<String> LEVELS = List.of("low_impact", "medium_impact", "high_impact", "extreme_impact");
    public static final String UNASSIGNED = "unassigned";

    private CriticalityLevels() {
    }

    public static boolean isLevel(String value) {
        return LEVELS.contains(value);
    }

    /** Why a CSV row's level cannot be used. */
    static String invalid(String level) {
        return "Invalid criticality level \"" + level + "\", expected one of " + String.join(", ", LEVELS) + ", " + UNASSIGNED;
    }

    /** A level, or {@code unassigned}: what a bulk record or a CSV row may carry. */
    public static boolean isAssignable(String value) {
        return isLevel(value) || UNASSIGNED.equals(value);
    }
}
