package dev.platen.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** Where the local object store keeps its files. */
@ConfigurationProperties("platen.storage")
public record StorageSettings(@DefaultValue("./data/objects") Path root) {
}
