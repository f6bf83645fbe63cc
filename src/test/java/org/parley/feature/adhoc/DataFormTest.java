package org.parley.feature.adhoc;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFormTest {

    private static Element xml(String text) throws Exception {
        return DocumentHelper.parseText(text).getRootElement();
    }

    @Test
    void buildsAFormWithFormTypeRequiredFieldsAndOptions() {
        Element x = DataForm.form("http://jabber.org/protocol/admin").title("Adding a user")
                .instructions("Fill out this form.")
                .field("accountjid", FieldType.JID_SINGLE, "The JID", true)
                .field("password", FieldType.TEXT_PRIVATE, "Password", true)
                .listSingle("max_items", "Max", "25", List.of(new DataForm.Option("None", "none")))
                .toElement();

        assertEquals(DataForm.NS, x.getNamespaceURI());
        assertEquals("form", x.attributeValue("type"));
        assertEquals("Adding a user", x.elementText("title"));
        assertEquals("Fill out this form.", x.elementText("instructions"));
        List<Element> fields = x.elements("field");
        assertEquals(4, fields.size());
        assertEquals("FORM_TYPE", fields.get(0).attributeValue("var"));
        assertEquals("hidden", fields.get(0).attributeValue("type"));
        assertEquals("http://jabber.org/protocol/admin", fields.get(0).elementText("value"));
        assertEquals("jid-single", fields.get(1).attributeValue("type"));
        assertTrue(fields.get(1).element("required") != null);
        assertEquals("text-private", fields.get(2).attributeValue("type"));
        assertTrue(fields.get(1).elements("value").isEmpty(), "an empty field has no value element");
        Element option = fields.get(3).element("option");
        assertEquals("None", option.attributeValue("label"));
        assertEquals("none", option.elementText("value"));
        assertEquals("25", fields.get(3).elementText("value"));
    }

    @Test
    void textMultiIsOneValuePerLineAndJoinsBack() {
        DataForm f = DataForm.form(null).textMulti("motd", "MOTD", true, "line one\nline two");
        Element x = f.toElement();
        assertEquals(2, x.element("field").elements("value").size());
        DataForm parsed = DataForm.parse(x);
        assertEquals("line one\nline two", parsed.text("motd"));
    }

    @Test
    void parsesASubmittedForm() throws Exception {
        DataForm f = DataForm.parse(xml("""
                <x xmlns='jabber:x:data' type='submit'>
                  <field type='hidden' var='FORM_TYPE'><value>http://jabber.org/protocol/admin</value></field>
                  <field var='accountjid'><value> juliet@shakespeare.lit </value></field>
                  <field var='password'><value> R0m30 </value></field>
                  <field var='accountjids'><value>a@x</value><value> </value><value>b@x</value></field>
                  <field var='empty'/>
                </x>"""));
        assertEquals(DataForm.Type.SUBMIT, f.type());
        assertEquals("http://jabber.org/protocol/admin", f.formType());
        assertEquals("juliet@shakespeare.lit", f.value("accountjid"));
        assertEquals(" R0m30 ", f.rawValue("password"), "passwords are kept exactly");
        assertEquals(List.of("a@x", "b@x"), f.values("accountjids"));
        assertNull(f.value("empty"));
        assertNull(f.rawValue("empty"));
        assertNull(f.value("missing"));
        assertTrue(f.values("missing").isEmpty());
        assertNull(f.field("accountjid").type(), "submitted fields usually carry no type");
    }

    @Test
    void refusesWhatIsNotADataForm() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> DataForm.parse(xml("<x xmlns='jabber:x:oob' type='submit'/>")));
        assertThrows(IllegalArgumentException.class,
                () -> DataForm.parse(xml("<x xmlns='jabber:x:data' type='bogus'/>")));
        assertThrows(IllegalArgumentException.class,
                () -> DataForm.parse(xml("<x xmlns='jabber:x:data'/>")));
        assertThrows(IllegalArgumentException.class, () -> DataForm.parse(xml(
                "<x xmlns='jabber:x:data' type='submit'><field var='a'/><field var='a'/></x>")));
        assertThrows(IllegalArgumentException.class, () -> DataForm.parse(xml(
                "<x xmlns='jabber:x:data' type='submit'><field type='text-single'/></x>")));
    }

    @Test
    void fixedFieldsNeedNoVar() throws Exception {
        DataForm f = DataForm.parse(xml(
                "<x xmlns='jabber:x:data' type='form'><field type='fixed'><value>Note</value></field></x>"));
        assertEquals(1, f.fields().size());
        assertEquals(FieldType.FIXED, f.fields().get(0).type());
    }

    @Test
    void findsTheFormInsideAPayloadAndRoundTrips() throws Exception {
        Element command = xml("<command xmlns='http://jabber.org/protocol/commands' node='n'/>");
        assertNull(DataForm.find(command));
        DataForm original = DataForm.result("urn:test").field("n", FieldType.TEXT_SINGLE, "Number", false, "79");
        command.add(original.toElement());
        DataForm found = DataForm.find(command);
        assertEquals(DataForm.Type.RESULT, found.type());
        assertEquals("79", found.value("n"));
        assertEquals("urn:test", found.formType());
        assertFalse(found.field("n").required());
    }

    @Test
    void unknownFieldTypesReadAsTextSingle() {
        assertEquals(FieldType.TEXT_SINGLE, FieldType.parse("x-custom"));
        assertEquals(FieldType.JID_MULTI, FieldType.parse("jid-multi"));
        assertEquals("list-single", FieldType.LIST_SINGLE.xml());
    }
}
