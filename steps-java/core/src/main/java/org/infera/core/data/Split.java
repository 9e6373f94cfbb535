package org.infera.core.data;

/** The three partitions of a samples file. */
public enum Split {
    TRAIN,
    VALIDATION,
    TEST;

    public String group() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
