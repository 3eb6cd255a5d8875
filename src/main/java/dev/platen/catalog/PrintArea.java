package dev.platen.catalog;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The printable rectangle of a layout tier, kept in the unit it was written in so that DPI maths stays exact
 * (a 254 mm tier is exactly 10 in; converting through a double first would not be).
 */
public record PrintArea(BigDecimal width, BigDecimal height, LengthUnit unit) {

    public static PrintArea inches(double width, double height) {
        return new PrintArea(BigDecimal.valueOf(width), BigDecimal.valueOf(height), LengthUnit.IN);
    }

    public static PrintArea millimetres(double width, double height) {
        return new PrintArea(BigDecimal.valueOf(width), BigDecimal.valueOf(height), LengthUnit.MM);
    }

    public BigDecimal widthInches() {
        return width.divide(unit.perInch(), MathContext.DECIMAL64);
    }

    public BigDecimal heightInches() {
        return height.divide(unit.perInch(), MathContext.DECIMAL64);
    }

    public double areaSquareInches() {
        return widthInches().multiply(heightInches()).doubleValue();
    }

    /** True when this area fits inside {@code other} without turning it. */
    public boolean fitsWithin(PrintArea other) {
        return widthInches().compareTo(other.widthInches()) <= 0 && heightInches().compareTo(other.heightInches()) <= 0;
    }

    @Override
    public String toString() {
        return width.stripTrailingZeros().toPlainString() + " x " + height.stripTrailingZeros().toPlainString()
                + " " + unit.symbol();
    }
}
