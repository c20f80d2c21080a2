package id.posindonesia.balas.suggestion;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param capacity suggestions kept at most; the oldest go first
 * @param maxTextLength longer suggestions are cut to this many characters
 */
@Validated
@ConfigurationProperties("balas.suggestions")
record SuggestionProperties(@DefaultValue("10000") @Min(1) long capacity,
		@DefaultValue("2000") @Min(1) int maxTextLength) {
}
