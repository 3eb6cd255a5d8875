package dev.platen.catalog;

/** A catalog file is wrong. The message names the file and the field, so that start-up failure says where to look. */
public class CatalogException extends RuntimeException {

    public CatalogException(String file, String field, String problem) {
        super(file + ": " + field + ": " + problem);
    }

    public CatalogException(String file, String field, String problem, Throwable cause) {
        super(file + ": " + field + ": " + problem, cause);
    }
}
