package dev.platen.catalog;

import java.math.BigDecimal;

/** The units a print area may be written in. Inches are exact; 1 in = 25.4 mm exactly (ISO 31-1). */
public enum LengthUnit {
    IN(BigDecimal.ONE), MM(new BigDecimal("25.4"));

    private final BigDecimal perInch;

    LengthUnit(BigDecimal perInch) {
        this.perInch = perInch;
    }

    /** How many of this unit make one inch. */
    public BigDecimal perInch() {
        return perInch;
    }

    public String symbol() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
