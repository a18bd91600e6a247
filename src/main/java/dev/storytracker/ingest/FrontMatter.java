package dev.storytracker.ingest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A markdown file with a YAML front matter block between {@code ---} lines. Values stay untyped strings, lists of
 * strings and lists of flat records (YAML is composed, never constructed), so the caller decides types and can name the line of each field.
 */
public final class FrontMatter {

    private static final int MAX_LIST = 10_000;

    private final Map<String, Field> fields;
    private final String body;
    private final int bodyLine;

    /** A value with the line it starts on: a String, or a List of Strings and flat String-to-String Maps. */
    public record Field(String key, Object value, int line) {
    }

    private FrontMatter(Map<String, Field> fields, String body, int bodyLine) {
        this.fields = fields;
        this.body = body;
        this.bodyLine = bodyLine;
    }

    /** Splits and parses a whole file; the text must already be decoded, with line endings normalised to LF. */
    public static FrontMatter parse(String text) throws FileProblem {
        if (!text.startsWith("---\n") && !text.equals("---")) {
            throw new FileProblem(
                    "the file must start with a front matter block: a line '---', YAML fields, a line '---'", 1);
        }
        int start = 4;
        int end = -1;
        int lineNo = 2;
        int pos = start;
        while (pos <= text.length()) {
            int next = text.indexOf('\n', pos);
            String line = next < 0 ? text.substring(pos) : text.substring(pos, next);
            if (line.equals("---") || line.equals("...")) {
                end = pos;
                break;
            }
            if (next < 0) {
                break;
            }
            pos = next + 1;
            lineNo++;
        }
        if (end < 0) {
            throw new FileProblem("the front matter block is not closed by a line '---'", 1);
        }
        String yaml = text.substring(start, end);
        int afterClose = text.indexOf('\n', end);
        String body = afterClose < 0 ? "" : text.substring(afterClose + 1);
        return new FrontMatter(parseYaml(yaml), body, lineNo + 1);
    }

    private static Map<String, Field> parseYaml(String yaml) throws FileProblem {
        if (yaml.isBlank()) {
            return Map.of();
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(2 * 1024 * 1024);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            throw new FileProblem("front matter is not valid YAML: " + problem, mark == null ? 1 : mark.getLine() + 2);
        } catch (YAMLException e) {
            throw new FileProblem("front matter is not valid YAML: " + e.getMessage(), 1);
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new FileProblem("front matter must be a set of 'key: value' lines", line(root));
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                throw new FileProblem("front matter keys must be plain words", line(keyNode));
            }
            if (fields.containsKey(key.getValue())) {
                throw new FileProblem("the field '" + key.getValue() + "' is given twice", line(keyNode));
            }
            Object value = value(key.getValue(), tuple.getValueNode());
            if (value != null) {
                fields.put(key.getValue(), new Field(key.getValue(), value, line(keyNode)));
            }
        }
        return fields;
    }

    private static Object value(String key, Node node) throws FileProblem {
        if (node instanceof ScalarNode scalar) {
            if (Tag.NULL.equals(scalar.getTag()) || isImplicitNull(scalar)) {
                return null;
            }
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            if (sequence.getValue().size() > MAX_LIST) {
                throw new FileProblem("the list '" + key + "' has more than " + MAX_LIST + " entries", line(node));
            }
            List<Object> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (item instanceof ScalarNode scalar) {
                    values.add(scalar.getValue());
                } else if (item instanceof MappingNode record) {
                    values.add(record(key, record));
                } else {
                    throw new FileProblem("the list '" + key + "' must hold plain values or 'key: value' entries,"
                            + " not nested lists", line(item));
                }
            }
            return Collections.unmodifiableList(values);
        }
        throw new FileProblem("the field '" + key + "' must be a value or a list of values, not a map", line(node));
    }

    /** One entry of a list of records, such as {@code - item: x}; values must be plain. */
    private static Map<String, String> record(String key, MappingNode node) throws FileProblem {
        Map<String, String> record = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode name)
                    || !(tuple.getValueNode() instanceof ScalarNode value)) {
                throw new FileProblem("entries of '" + key + "' must be plain 'key: value' pairs", line(node));
            }
            if (record.put(name.getValue(), isImplicitNull(value) ? "" : value.getValue()) != null) {
                throw new FileProblem("an entry of '" + key + "' gives '" + name.getValue() + "' twice", line(name));
            }
        }
        return Collections.unmodifiableMap(record);
    }

    private static boolean isImplicitNull(ScalarNode scalar) {
        String v = scalar.getValue();
        return scalar.isPlain()
                && (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL"));
    }

    /** Front matter starts on the file's line 2. */
    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 2;
    }

    public Map<String, Field> fields() {
        return fields;
    }

    public Optional<Field> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public String body() {
        return body;
    }

    /** The file line on which the body starts. */
    public int bodyLine() {
        return bodyLine;
    }
}
