package io.callflow.app.access;

import io.callflow.app.web.ErrorBody;
import io.callflow.domain.common.Caller;
import io.callflow.domain.common.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every {@code /v1} request carries an API key, as {@code Authorization: Bearer <key>}
 * or VoIPbin's {@code ?accesskey=<key>}; the caller it names is put on the request.
 * No key or an unknown key: 401, before any endpoint runs.
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {
    private final AccessKeys keys;

    public ApiKeyFilter(AccessKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = presentedKey(request);
        Optional<Caller> caller = key.flatMap(keys::authenticate);
        if (caller.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/json");
            Json.mapper().writeValue(response.getOutputStream(), ErrorBody.of("unauthorized",
                    key.isEmpty() ? "an API key is required: Authorization: Bearer <key>" : "unknown API key",
                    List.of()));
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = header.substring(7).trim();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        }
        String query = request.getParameter("accesskey");
        return query == null || query.isBlank() ? Optional.empty() : Optional.of(query.trim());
    }
}
