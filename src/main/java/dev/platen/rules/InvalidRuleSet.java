package dev.platen.rules;

/** An uploaded rule set that cannot be used, with what is wrong in words an admin can act on. */
class InvalidRuleSet extends IllegalArgumentException {

    private final String message;

    InvalidRuleSet(String message) {
        super(message);
        this.message = message;
    }

    /** What is wrong with the bundle, which every refusal says: never null, unlike a throwable's message. */
    @Override
    public String getMessage() {
        return message;
    }
}
