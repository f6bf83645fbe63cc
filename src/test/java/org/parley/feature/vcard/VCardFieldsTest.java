package org.parley.feature.vcard;

import org.junit.jupiter.api.Test;
import org.parley.feature.vcard.VCardFields.Field;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VCardFieldsTest {

    @Test
    void theCommonFieldsInOrderWithTheirTypes() {
        String xml = "<vCard xmlns='vcard-temp'><DESC>Balcony person</DESC><FN>Juliet Capulet</FN>"
                + "<N><FAMILY>Capulet</FAMILY><GIVEN>Juliet</GIVEN></N><NICKNAME>Jul</NICKNAME>"
                + "<EMAIL><INTERNET/><WORK/><USERID>juliet@capulet.example</USERID></EMAIL>"
                + "<EMAIL><USERID>jul@home.example</USERID><HOME/></EMAIL>"
                + "<TEL><CELL/><VOICE/><NUMBER>+39 045 555 0100</NUMBER></TEL>"
                + "<ORG><ORGNAME>House Capulet</ORGNAME><ORGUNIT>Verona</ORGUNIT></ORG>"
                + "<URL>https://capulet.example/juliet</URL><BDAY>1583-07-31</BDAY>"
                + "<ADR><HOME/><STREET>Via Cappello 23</STREET><LOCALITY>Verona</LOCALITY><CTRY>IT</CTRY></ADR>"
                + "<PHOTO><TYPE>image/png</TYPE><BINVAL>iVBORw0KGgo=</BINVAL></PHOTO></vCard>";
        assertEquals(List.of(
                new Field("Full name", "Juliet Capulet"),
                new Field("Name", "Juliet Capulet"),
                new Field("Nickname", "Jul"),
                new Field("Email (work)", "juliet@capulet.example"),
                new Field("Email (home)", "jul@home.example"),
                new Field("Phone (cell, voice)", "+39 045 555 0100"),
                new Field("Organisation", "House Capulet, Verona"),
                new Field("Web site", "https://capulet.example/juliet"),
                new Field("Birthday", "1583-07-31"),
                new Field("Address (home)", "Via Cappello 23, Verona, IT"),
                new Field("About", "Balcony person")), VCardFields.of(xml));
    }

    @Test
    void markupInValuesStaysText() {
        List<Field> f = VCardFields.of("<vCard xmlns='vcard-temp'><FN>&lt;script&gt;alert(1)&lt;/script&gt;</FN>"
                + "<NICKNAME><![CDATA[<b>bold</b>]]></NICKNAME></vCard>");
        assertEquals(List.of(new Field("Full name", "<script>alert(1)</script>"), new Field("Nickname", "<b>bold</b>")),
                f, "the page escapes these, the extraction does not interpret them");
    }

    @Test
    void emptyOrUnparsableVCardsHaveNoFields() {
        assertEquals(List.of(), VCardFields.of(null));
        assertEquals(List.of(), VCardFields.of("<vCard xmlns='vcard-temp'/>"));
        assertEquals(List.of(), VCardFields.of("<vCard xmlns='vcard-temp'><FN>  </FN><EMAIL/></vCard>"));
        assertEquals(List.of(), VCardFields.of("<vCard><FN>not closed"));
        assertEquals(List.of(), VCardFields.of("<!DOCTYPE v [<!ENTITY x 'boom'>]><vCard><FN>&x;</FN></vCard>"));
    }

    @Test
    void hugeVCardsAreCut() {
        StringBuilder xml = new StringBuilder("<vCard xmlns='vcard-temp'><FN>").append("x".repeat(10_000)).append("</FN>");
        for (int i = 0; i < 100; i++) {
            xml.append("<URL>https://example.org/").append(i).append("</URL>");
        }
        List<Field> f = VCardFields.of(xml.append("</vCard>").toString());
        assertEquals(VCardFields.MAX_FIELDS, f.size());
        assertEquals(VCardFields.MAX_VALUE + 1, f.get(0).value().length());
        assertTrue(f.get(0).value().endsWith("…"));
    }
}
