package dev.platen.web;

/**
 * The order of the engine's security chains, in one place: Spring Security asks each chain in turn whether its paths
 * match a request, and the first that does protects it. The chains live with what they protect (see the
 * architecture page's "Who may do what"); their paths do not overlap, except the last chain's, which takes whatever no
 * other chain claimed and so must stay last.
 */
public final class SecurityChains {

    /** {@code /api/v1/rulesets}: HTTP Basic with the {@code RULES} role ({@code rules}). */
    public static final int RULE_SET_API = -1;
    /** {@code /rulesets}: the rule-set page, signed in ({@code rules}). */
    public static final int RULE_SET_PAGE = 0;
    /** {@code /review/**}, the sign-in and sign-out pages ({@code review}). */
    public static final int REVIEW_PAGES = 1;
    /** The order system's API, print files and proof images ({@code intake}). */
    public static final int SHOP_API = 2;
    /** {@code /api/v1/partner/**} ({@code delivery}). */
    public static final int PARTNER_API = 3;
    /** {@code /engine-rest} and Actuator ({@code web}). */
    public static final int ENGINE_ROOM = 4;
    /** Everything else, left to the protection each path has of its own ({@code review}); last of all. */
    public static final int EVERYTHING_ELSE = 100;

    private SecurityChains() {
    }
}
