package io.stancewire.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The article JSON of {@code POST /api/v1/articles} and {@code POST /api/v1/analyze}, as the OpenAPI description shows
 * it (the resources read the raw bytes with {@code ingest.ArticleReader}, which checks every rule below and answers a
 * problem when one fails). The same object is the value of a record on the {@code articles} topic.
 */
@Schema(name = "Article", description = "A news article; unknown fields are ignored")
public record ArticleSchema(
        @Schema(description = "Unique id (the Kafka key); optional for POST /analyze", maxLength = 256,
                examples = "afp-ohrid-2023-03-18") String id,
        @Schema(required = true, description = "The text, paragraphs separated by blank lines; at most "
                + "stancewire.analysis.max-body-chars characters (1,000,000)") String body,
        @Schema(description = "Headline") String title,
        @Schema(description = "RFC 3339 date-time of publication; default: the record's timestamp or now",
                format = "date-time", examples = "2023-03-18T21:00:00Z") String publishedAt,
        @Schema(description = "The outlet (portrayal by outlet)", examples = "AFP") String source,
        @Schema(description = "Where it was published", format = "uri") String url,
        @Schema(description = "BCP 47 tag; only English (en, en-GB, ...) is analysed. Without it the language is "
                + "detected, and an article surely not English is refused (422 / dead letter)", examples = "en")
        String language) {
}
