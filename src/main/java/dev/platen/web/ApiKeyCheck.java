package dev.platen.web;

import dev.platen.storage.ContentDigest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;

/**
 * Checks a {@link PresentedApiKey} against one directory of keys (the order systems', the partners'), of which only
 * the SHA-256 is configured: API keys are long random strings, so a fast hash is enough (unlike passwords). Every
 * configured hash is compared, each in constant time, so the answer's timing does not tell which holder, if any,
 * nearly matched. The authenticated principal's name is the holder's.
 */
public final class ApiKeyCheck implements AuthenticationProvider {

    /** @param sha256 the key's SHA-256 in hex, either case */
    public record KeyHolder(String name, String sha256) {
    }

    private record Entry(String name, byte[] sha256Hex) {
    }

    private final ApiKeyScheme scheme;
    private final List<Entry> entries;
    private final List<GrantedAuthority> authorities;

    /** @param role the role a holder of these keys gets, without the {@code ROLE_} prefix */
    public ApiKeyCheck(ApiKeyScheme scheme, List<KeyHolder> holders, String role) {
        this.scheme = scheme;
        this.entries = holders.stream().map(h -> new Entry(h.name(), ascii(h.sha256().toLowerCase(Locale.ROOT))))
                .toList();
        this.authorities = AuthorityUtils.createAuthorityList("ROLE_" + role);
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        byte[] hash = ascii(ContentDigest.sha256Hex(((String) presented.getCredentials())
                .getBytes(StandardCharsets.UTF_8)));
        String holder = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(hash, entry.sha256Hex())) {
                holder = entry.name();
            }
        }
        if (holder == null) {
            throw scheme.invalid();
        }
        return UsernamePasswordAuthenticationToken.authenticated(holder, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PresentedApiKey.class.isAssignableFrom(authentication);
    }

    private static byte[] ascii(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }
}
