package org.parley.feature.adhoc;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A XEP-0004 data form (jabber:x:data): built by commands and features that ask for input, parsed from what a
 * requester submits. Field values are kept as the strings on the wire; typed reading lives with the callers.
 */
public final class DataForm {
    public static final String NS = "jabber:x:data";

    public enum Type {
        FORM, SUBMIT, CANCEL, RESULT;

        public String xml() {
            return name().toLowerCase();
        }
    }

    public record Option(String label, String value) {
    }

    public record Field(String var, FieldType type, String label, String desc, boolean required,
                        List<String> values, List<Option> options) {
        public Field {
            values = List.copyOf(values);
            options = List.copyOf(options);
        }

        /** The first value, or null. */
        public String value() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private final Type type;
    private String title;
    private final List<String> instructions = new ArrayList<>();
    private final List<Field> fields = new ArrayList<>();
    private final Map<String, Field> byVar = new LinkedHashMap<>();

    public DataForm(Type type) {
        this.type = type;
    }

    /** A form to fill, with the hidden FORM_TYPE field when {@code formType} is given. */
    public static DataForm form(String formType) {
        return new DataForm(Type.FORM).formType(formType);
    }

    /** A result form, with the hidden FORM_TYPE field when {@code formType} is given. */
    public static DataForm result(String formType) {
        return new DataForm(Type.RESULT).formType(formType);
    }

    public Type type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<String> instructions() {
        return List.copyOf(instructions);
    }

    public List<Field> fields() {
        return List.copyOf(fields);
    }

    // ---- building ----

    public DataForm title(String text) {
        this.title = text;
        return this;
    }

    public DataForm instructions(String text) {
        instructions.add(text);
        return this;
    }

    private DataForm formType(String formType) {
        return formType == null ? this : hidden("FORM_TYPE", formType);
    }

    /** Adds a field; a second field with the same var is refused (XEP-0004 §3.2: var is unique). */
    public DataForm add(Field field) {
        if (field.var() != null) {
            if (byVar.containsKey(field.var())) {
                throw new IllegalArgumentException("duplicate field var: " + field.var());
            }
            byVar.put(field.var(), field);
        }
        fields.add(field);
        return this;
    }

    public DataForm field(String var, FieldType type, String label, boolean required, String... values) {
        return add(new Field(var, type, label, null, required, Arrays.asList(values), List.of()));
    }

    public DataForm hidden(String var, String value) {
        return field(var, FieldType.HIDDEN, null, false, value);
    }

    /** A text-multi field: one value per line of {@code text} (none when text is null). */
    public DataForm textMulti(String var, String label, boolean required, String text) {
        List<String> lines = text == null ? List.of() : Arrays.asList(text.split("\r?\n", -1));
        return add(new Field(var, FieldType.TEXT_MULTI, label, null, required, lines, List.of()));
    }

    /** A jid-multi or list-multi result field. */
    public DataForm multi(String var, FieldType type, String label, List<String> values) {
        return add(new Field(var, type, label, null, false, values, List.of()));
    }

    public DataForm listSingle(String var, String label, String value, List<Option> options) {
        List<String> v = value == null ? List.of() : List.of(value);
        return add(new Field(var, FieldType.LIST_SINGLE, label, null, false, v, options));
    }

    // ---- reading ----

    public Field field(String var) {
        return byVar.get(var);
    }

    /** FORM_TYPE of the form, or null. */
    public String formType() {
        return value("FORM_TYPE");
    }

    /** The field's first value, trimmed; null if the field or its value is missing or blank. */
    public String value(String var) {
        Field f = byVar.get(var);
        String v = f == null ? null : f.value();
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The field's first value exactly as sent (passwords are not trimmed); null if missing or empty. */
    public String rawValue(String var) {
        Field f = byVar.get(var);
        String v = f == null ? null : f.value();
        return v == null || v.isEmpty() ? null : v;
    }

    /** All non-blank values of a (multi) field, trimmed. */
    public List<String> values(String var) {
        Field f = byVar.get(var);
        if (f == null) {
            return List.of();
        }
        return f.values().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A text-multi field's lines joined by newlines; null if the field has no value. */
    public String text(String var) {
        Field f = byVar.get(var);
        if (f == null || f.values().isEmpty()) {
            return null;
        }
        String t = String.join("\n", f.values());
        return t.isBlank() ? null : t;
    }

    // ---- XML ----

    public Element toElement() {
        Element x = DocumentHelper.createElement(QName.get("x", NS));
        x.addAttribute("type", type.xml());
        if (title != null) {
            x.addElement("title").setText(title);
        }
        for (String i : instructions) {
            x.addElement("instructions").setText(i);
        }
        for (Field f : fields) {
            Element e = x.addElement("field");
            if (f.var() != null) {
                e.addAttribute("var", f.var());
            }
            if (f.type() != null) {
                e.addAttribute("type", f.type().xml());
            }
            if (f.label() != null) {
                e.addAttribute("label", f.label());
            }
            if (f.desc() != null) {
                e.addElement("desc").setText(f.desc());
            }
            if (f.required()) {
                e.addElement("required");
            }
            for (String v : f.values()) {
                e.addElement("value").setText(v);
            }
            for (Option o : f.options()) {
                Element oe = e.addElement("option");
                if (o.label() != null) {
                    oe.addAttribute("label", o.label());
                }
                oe.addElement("value").setText(o.value());
            }
        }
        return x;
    }

    /**
     * Reads a jabber:x:data element.
     *
     * @throws IllegalArgumentException if it is not a data form, its type is unknown or a field var repeats
     */
    public static DataForm parse(Element x) {
        if (x == null || !"x".equals(x.getName()) || !NS.equals(x.getNamespaceURI())) {
            throw new IllegalArgumentException("not a data form");
        }
        DataForm form = new DataForm(parseType(x.attributeValue("type")));
        form.title = x.elementText("title");
        for (Element i : x.elements("instructions")) {
            form.instructions.add(i.getText());
        }
        for (Element f : x.elements("field")) {
            String var = f.attributeValue("var");
            String typeAttr = f.attributeValue("type");
            FieldType type = typeAttr == null ? null : FieldType.parse(typeAttr);
            if (var == null && type != FieldType.FIXED) {
                throw new IllegalArgumentException("a field without var");
            }
            List<String> values = new ArrayList<>();
            for (Element v : f.elements("value")) {
                values.add(v.getText());
            }
            List<Option> options = new ArrayList<>();
            for (Element o : f.elements("option")) {
                options.add(new Option(o.attributeValue("label"), o.elementText("value")));
            }
            form.add(new Field(var, type, f.attributeValue("label"), f.elementText("desc"),
                    f.element("required") != null, values, options));
        }
        return form;
    }

    /** The first jabber:x:data child of {@code parent}, parsed, or null if there is none. */
    public static DataForm find(Element parent) {
        Element x = parent == null ? null : parent.element(QName.get("x", NS));
        return x == null ? null : parse(x);
    }

    private static Type parseType(String value) {
        for (Type t : Type.values()) {
            if (t.xml().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown form type: " + value);
    }
}
