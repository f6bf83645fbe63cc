package org.parley.infrastructure.persistence.legacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements at top-level semicolons. Semicolons inside quotes
 * ('...', "..."), comments (-- ..., /* ... *&#47;) and PostgreSQL dollar-quoted bodies ($$...$$, $tag$...$tag$)
 * do not split. Comment-only chunks are dropped.
 */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean hasCode = false;
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {                       // line comment
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                cur.append(script, i, end);
                i = end;
            } else if (c == '/' && next == '*') {                // block comment
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                cur.append(script, i, end);
                i = end;
            } else if (c == '\'' || c == '"') {                  // quoted literal / identifier
                int end = i + 1;
                while (end < n) {
                    if (script.charAt(end) == c) {
                        if (end + 1 < n && script.charAt(end + 1) == c) {
                            end += 2;                            // doubled quote escapes itself
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                cur.append(script, i, end);
                hasCode = true;
                i = end;
            } else if (c == '$' && dollarTagEnd(script, i) > 0) {  // $tag$ ... $tag$
                int tagEnd = dollarTagEnd(script, i);
                String tag = script.substring(i, tagEnd);
                int close = script.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                cur.append(script, i, end);
                hasCode = true;
                i = end;
            } else if (c == ';') {
                if (hasCode) {
                    out.add(cur.toString().trim());
                }
                cur.setLength(0);
                hasCode = false;
                i++;
            } else {
                cur.append(c);
                if (!Character.isWhitespace(c)) {
                    hasCode = true;
                }
                i++;
            }
        }
        if (hasCode) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    /** If a dollar-quote tag ($$ or $name$) starts at {@code i}, the index just after it; else -1. */
    private static int dollarTagEnd(String s, int i) {
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
            return -1;                                           // part of an identifier, e.g. a$b
        }
        int j = i + 1;
        while (j < s.length() && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_'
                || (j > i + 1 && Character.isDigit(s.charAt(j))))) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
    }
}
