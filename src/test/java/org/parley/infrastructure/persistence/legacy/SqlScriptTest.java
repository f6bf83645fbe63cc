package org.parley.infrastructure.persistence.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtTopLevelSemicolons() {
        assertEquals(List.of("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)"),
                SqlScript.split("CREATE TABLE a (x INT);\n\nINSERT INTO a VALUES (1);\n"));
    }

    @Test
    void lastStatementNeedsNoSemicolon() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlScript.split("SELECT 1;SELECT 2"));
    }

    @Test
    void ignoresSemicolonsInQuotesAndComments() {
        String sql = "-- setup; really\nINSERT INTO t VALUES ('a;b', 'it''s;');\n"
                + "/* block; comment */ UPDATE \"odd;name\" SET x = 1;\n-- trailing comment only;\n";
        assertEquals(List.of("-- setup; really\nINSERT INTO t VALUES ('a;b', 'it''s;')",
                "/* block; comment */ UPDATE \"odd;name\" SET x = 1"), SqlScript.split(sql));
    }

    @Test
    void keepsDollarQuotedBodiesTogether() {
        String fn = "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN NEW.x := 1; RETURN NEW; END; $body$"
                + " LANGUAGE plpgsql";
        String anon = "DO $$ BEGIN PERFORM 1; END $$";
        assertEquals(List.of(fn, anon), SqlScript.split(fn + ";\n" + anon + ";"));
    }

    @Test
    void dollarInsideIdentifierIsNotAQuote() {
        assertEquals(List.of("SELECT a$b FROM t", "SELECT 2"), SqlScript.split("SELECT a$b FROM t; SELECT 2;"));
    }
}
