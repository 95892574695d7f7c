package io.callflow.engine.interpreter;

import java.util.Optional;

/** The comparison operators of the condition actions. An unknown operator matches nothing. */
enum Comparison {
    EQ("=="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    static Optional<Comparison> of(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code left <op> right}, given their ordering as {@link Comparable#compareTo} gives it. */
    boolean holds(int order) {
        return switch (this) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            case LT -> order < 0;
            case LE -> order <= 0;
        };
    }
}
