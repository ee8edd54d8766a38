package dev.refinery.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reads and writes JSON, as its OpenAPI document says, and nothing else. Spring offers every format it finds
 * a library for: the YAML support that the API documentation brings along made every endpoint answer
 * {@code Accept: application/yaml} and read YAML bodies with another mapper, one that silently dropped misspelt
 * properties which the JSON API refuses by name.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnly implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.configureMessageConvertersList(list -> list.removeIf(JsonOnly::readsOrWritesAnotherDocumentFormat));
    }

    private static boolean readsOrWritesAnotherDocumentFormat(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().map(MediaType::getSubtype)
            .anyMatch(subtype -> subtype.contains("yaml") || subtype.contains("xml") || subtype.equals("smile")
                    || subtype.equals("cbor"));
    }
}
