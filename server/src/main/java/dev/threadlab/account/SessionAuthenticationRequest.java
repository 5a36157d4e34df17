package dev.threadlab.account;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request to authenticate by the log-in cookie's secret. */
final class SessionAuthenticationRequest extends BaseAuthenticationRequest {
    private final String secret;

    SessionAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
