package io.callflow.domain.number;

import java.util.Optional;

/** For the SIP edge: which active number a dialled user part or E.164 number is. */
public interface NumberDirectory {
    /**
     * The active (not deleted) number equal to {@code number}, where a leading {@code +} on either
     * side makes no difference ({@link NumberKey}); empty if there is none.
     */
    Optional<NumberRoute> find(String number);
}
