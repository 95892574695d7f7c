package io.callflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The API describes itself at /v3/api-docs, readable without a key, with a browsable UI. */
class OpenApiTest extends PlatformTest {

    @Test
    void the_openapi_document_lists_the_api_and_the_ui_is_served() {
        Api anonymous = api.withKey(null);
        Api.Reply docs = anonymous.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        assertThat(paths.has("/v1/flows")).isTrue();
        assertThat(paths.has("/v1/activeflows/{id}/stop")).isTrue();
        assertThat(paths.has("/v1/timelines/{resourceType}/{id}/events") || paths.toString().contains("timelines"))
                .isTrue();
        assertThat(docs.body().get("openapi").asText()).startsWith("3.");
        assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
