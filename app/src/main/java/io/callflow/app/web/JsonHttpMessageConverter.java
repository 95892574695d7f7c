package io.callflow.app.web;

import io.callflow.domain.common.Json;
import java.io.IOException;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes responses with the platform's one JSON configuration ({@link Json}), the
 * same that stores events. Requests are not read here: endpoints take the raw
 * bytes and parse them themselves, so every problem is reported with its pointer.
 */
public class JsonHttpMessageConverter extends AbstractHttpMessageConverter<Object> {

    public JsonHttpMessageConverter() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return !(byte[].class == type || String.class == type || Resource.class.isAssignableFrom(type));
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("request bodies are read by the endpoints", input);
    }

    @Override
    protected void writeInternal(Object value, HttpOutputMessage output) throws IOException {
        Json.mapper().writeValue(output.getBody(), value);
    }
}
