package dev.platen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The order system's side of the engine for process tests, through MockMvc with the demo key: what
 * {@link PlatenApi} is for tests on a real port. Uploads and orders that must be accepted are asserted so.
 */
public record MockShop(MockMvc mvc, ObjectMapper json) {

    public static final String KEY = PlatenApi.DEMO_KEY;

    /** Uploads art and returns its id. */
    public String upload(byte[] bytes) throws Exception {
        String body = mvc.perform(multipart("/api/v1/artworks").file(new MockMultipartFile("file", "art.png",
                        "application/octet-stream", bytes)).header("X-Api-Key", KEY))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("id").asText();
    }

    /** Posts an order for partner acme that must be created (201) and returns the engine's answer. */
    public JsonNode postOrder(String reference, List<Map<String, Object>> items) throws Exception {
        Map<String, Object> order = Map.of("reference", reference, "partner", "acme", "items", items);
        MockHttpServletResponse response = mvc.perform(post("/api/v1/orders").header("X-Api-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(order))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString());
    }

    /** The order as the shop reads it now. */
    public JsonNode order(JsonNode order) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/orders/" + order.path("id").asText()).header("X-Api-Key", KEY))
                .andReturn().getResponse().getContentAsString());
    }
}
