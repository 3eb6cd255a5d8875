package dev.platen.catalog;

/** A catalog file is wrong. The message names the file and the field, so that start-up failure says where to look. */
public class CatalogException extends RuntimeException {

    private final String message;

    public CatalogException(String file, String field, String problem) {
        super(file + ": " + field + ": " + problem);
        this.message = file + ": " + field + ": " + problem;
    }

    public CatalogException(String file, String field, String problem, Throwable cause) {
        super(file + ": " + field + ": " + problem, cause);
        this.message = file + ": " + field + ": " + problem;
    }

    /** Where and what: never null, unlike a throwable's message in general. */
    @Override
    public String getMessage() {
        return message;
    }
}
