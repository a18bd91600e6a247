package dev.storytracker;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose values have a lower-case, hyphenated name used everywhere outside Java: in JSON, in story files and in
 * the database. Keeping one spelling avoids a second mapping table per layer.
 */
public interface SlugEnum {

    @JsonValue
    String slug();

    static <E extends Enum<E> & SlugEnum> Optional<E> parse(Class<E> type, String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (value.slug().equals(slug)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E> & SlugEnum> List<String> slugs(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(SlugEnum::slug).toList();
    }

    /** Stores the slug in a varchar column; subclasses only name the enum type. */
    abstract class Converter<E extends Enum<E> & SlugEnum> implements AttributeConverter<E, String> {
        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.slug();
        }

        @Override
        public E convertToEntityAttribute(String column) {
            if (column == null) {
                return null;
            }
            return parse(type, column).orElseThrow(
                    () -> new IllegalStateException("unknown " + type.getSimpleName() + " in database: " + column));
        }
    }
}
