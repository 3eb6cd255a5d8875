package dev.platen.web;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** A key as a client sent it, not yet checked: what {@link ApiKeyScheme#converter()} hands to {@link ApiKeyCheck}. */
final class PresentedApiKey extends AbstractAuthenticationToken {

    private final String key;

    PresentedApiKey(String key) {
        super(AuthorityUtils.NO_AUTHORITIES);
        this.key = key;
        setAuthenticated(false);
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    /** Nobody yet: the key names its holder only once it is checked. */
    @Override
    public Object getPrincipal() {
        return "";
    }
}
