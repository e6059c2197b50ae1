package dev.entitystore.server.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Builds request trees, refusing numbers a double cannot hold ({@code 1e400} would otherwise become
 * {@code Infinity} and be stored as the string "Infinity"). Elasticsearch refuses them too.
 */
public final class FiniteNumberNodeFactory extends JsonNodeFactory {
    FiniteNumberNodeFactory() {
        super(false);
    }

    @Override
    public NumericNode numberNode(double value) {
        requireFinite(value);
        return super.numberNode(value);
    }

    @Override
    public NumericNode numberNode(float value) {
        requireFinite(value);
        return super.numberNode(value);
    }

    @Override
    public ValueNode numberNode(BigDecimal value) {
        if (value != null) {
            requireFinite(value.doubleValue());
        }
        return super.numberNode(value);
    }

    @Override
    public ValueNode numberNode(BigInteger value) {
        if (value != null) {
            requireFinite(value.doubleValue());
        }
        return super.numberNode(value);
    }

    private static void requireFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new NumberOutOfRangeException();
        }
    }

    /** A number outside the double range in a request body; answered as a 400 schema failure. */
    public static final class NumberOutOfRangeException extends RuntimeException {
        NumberOutOfRangeException() {
            super("[request body]: Number must be a finite double", null, false, false);
        }
    }
}
