package dev.storytracker.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.storytracker.SlugEnum;
import dev.storytracker.Slugs;

/** Typed, bounded access to front matter fields; every refusal names the field and its line. */
final class Fields {

    private final FrontMatter matter;

    Fields(FrontMatter matter, Set<String> allowed) throws FileProblem {
        this.matter = matter;
        for (FrontMatter.Field field : matter.fields().values()) {
            if (!allowed.contains(field.key())) {
                throw new FileProblem("unknown field '" + field.key() + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")", field.line());
            }
        }
    }

    Optional<String> text(String key, int max) throws FileProblem {
        Optional<FrontMatter.Field> field = matter.field(key);
        if (field.isEmpty()) {
            return Optional.empty();
        }
        if (!(field.get().value() instanceof String value)) {
            throw new FileProblem("the field '" + key + "' must be a single value, not a list", field.get().line());
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new FileProblem("the field '" + key + "' is longer than " + max + " characters", field.get().line());
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new FileProblem("the field '" + key + "' holds control characters", field.get().line());
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    String requiredText(String key, int max) throws FileProblem {
        return text(key, max).orElseThrow(() -> new FileProblem("the field '" + key + "' is required", 1));
    }

    Optional<String> slug(String key) throws FileProblem {
        Optional<String> value = text(key, Slugs.MAX_LENGTH + 1);
        if (value.isPresent() && !Slugs.isValid(value.get())) {
            throw new FileProblem("the field '" + key + "' " + Slugs.RULE, line(key));
        }
        return value;
    }

    List<String> list(String key, int maxItems, int maxLength) throws FileProblem {
        Optional<FrontMatter.Field> field = matter.field(key);
        if (field.isEmpty()) {
            return List.of();
        }
        Object value = field.get().value();
        if (value instanceof List<?> list && list.stream().anyMatch(item -> !(item instanceof String))) {
            throw new FileProblem("the list '" + key + "' must hold plain values", field.get().line());
        }
        List<String> items = value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of((String) value);
        if (items.size() > maxItems) {
            throw new FileProblem(
                    "the list '" + key + "' has " + items.size() + " entries; at most " + maxItems + " are allowed",
                    field.get().line());
        }
        for (String item : items) {
            if (item.isBlank() || item.length() > maxLength) {
                throw new FileProblem(
                        "the list '" + key + "' holds an empty entry or one longer than " + maxLength + " characters",
                        field.get().line());
            }
        }
        return items.stream().map(String::strip).distinct().toList();
    }

    List<String> slugList(String key, int maxItems) throws FileProblem {
        List<String> items = list(key, maxItems, Slugs.MAX_LENGTH + 1);
        for (String item : items) {
            if (!Slugs.isValid(item)) {
                throw new FileProblem("'" + item + "' in '" + key + "' is not a slug: it " + Slugs.RULE, line(key));
            }
        }
        return items;
    }

    /** A list of flat records ({@code - item: x}) whose keys must be among {@code allowed}. */
    List<Map<String, String>> records(String key, Set<String> allowed, int maxItems, int maxLength)
            throws FileProblem {
        Optional<FrontMatter.Field> field = matter.field(key);
        if (field.isEmpty()) {
            return List.of();
        }
        int line = field.get().line();
        if (!(field.get().value() instanceof List<?> list)) {
            throw new FileProblem("the field '" + key + "' must be a list of entries", line);
        }
        if (list.size() > maxItems) {
            throw new FileProblem("the list '" + key + "' has " + list.size() + " entries; at most " + maxItems, line);
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new FileProblem("each entry of '" + key + "' must be 'key: value' pairs", line);
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                String text = String.valueOf(entry.getValue()).strip();
                if (!allowed.contains(name)) {
                    throw new FileProblem("unknown key '" + name + "' in '" + key + "' (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")", line);
                }
                if (text.length() > maxLength) {
                    throw new FileProblem("'" + name + "' in '" + key + "' is longer than " + maxLength
                            + " characters", line);
                }
                record.put(name, text);
            }
            records.add(record);
        }
        return records;
    }

    <E extends Enum<E> & SlugEnum> Optional<E> choice(String key, Class<E> type) throws FileProblem {
        Optional<String> value = text(key, 100);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SlugEnum.parse(type, value.get()).orElseThrow(() -> new FileProblem(
                "the field '" + key + "' must be one of " + String.join(", ", SlugEnum.slugs(type)) + ", not '"
                        + value.get() + "'",
                line(key))));
    }

    Optional<Integer> integer(String key, int min, int max) throws FileProblem {
        Optional<String> value = text(key, 20);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number < min || number > max) {
                throw new FileProblem("the field '" + key + "' must be between " + min + " and " + max, line(key));
            }
            return Optional.of(number);
        } catch (NumberFormatException e) {
            throw new FileProblem("the field '" + key + "' must be a whole number, not '" + value.get() + "'",
                    line(key));
        }
    }

    int line(String key) {
        return matter.field(key).map(FrontMatter.Field::line).orElse(1);
    }
}
