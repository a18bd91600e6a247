package dev.storytracker.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/** Reads a form the way a browser submits it: every named field with its current value. */
final class Forms {

    private Forms() {
    }

    /** Field name to value, or to a list of values for fields sent more than once (checkboxes, multiple selects). */
    static Map<String, Object> fields(Element form) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String name = field.attr("name");
            switch (field.normalName()) {
                case "textarea" -> add(values, name, field.wholeText());
                case "select" -> field.select("option[selected]").forEach(o -> add(values, name, o.attr("value")));
                default -> {
                    String type = field.attr("type");
                    if ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
                        continue;
                    }
                    if (!type.equals("submit") && !type.equals("button")) {
                        add(values, name, field.attr("value"));
                    }
                }
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        values.forEach((name, list) -> fields.put(name, list.size() == 1 ? list.get(0) : list));
        return fields;
    }

    private static void add(Map<String, List<String>> values, String name, String value) {
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
}
