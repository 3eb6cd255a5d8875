package dev.platen.orders;

import java.time.Instant;
import java.util.List;

/**
 * The approval a placement prints under. It is bound to the exact print files and soft proof it was given for:
 * a placement whose files change needs a new one.
 *
 * @param approvedBy        {@value PlacementHistory#ENGINE} for the clean lane, else the operator's user name
 * @param automatic         true when no person looked (the proof lane said AUTO)
 * @param laneReason        why the placement took its lane, e.g. CLEAN, DOWNGRADED, OUT_OF_GAMUT
 * @param printFileSha256s  the SHA-256s of the print files approved
 * @param proofSha256       the SHA-256 of the soft proof the approval was given on
 */
public record Approval(String approvedBy, Instant approvedAt, boolean automatic, String laneReason,
                       List<String> printFileSha256s, String proofSha256) {

    public Approval {
        printFileSha256s = List.copyOf(printFileSha256s);
    }
}
