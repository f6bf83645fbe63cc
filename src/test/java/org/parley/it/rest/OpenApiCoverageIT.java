package org.parley.it.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JAX-RS operation in the WAR's classes (each {@code @Path} class under org.parley, each method with an
 * HTTP method annotation) is in the OpenAPI description that /api/openapi serves (generated from those classes
 * when Parley is built): a resource the scanner misses, or one kept out of the description, fails here.
 */
class OpenApiCoverageIT {
    private static final Pattern PATH_LINE = Pattern.compile("^  ['\"]?(/[^'\":]*)['\"]?:\\s*$");
    private static final Pattern METHOD_LINE = Pattern.compile("^    (get|put|post|delete|patch|head|options):\\s*$");

    @Test
    void everyResourceOperationIsDescribed() throws Exception {
        Map<String, Set<String>> described = describedOperations();
        Map<String, Set<String>> declared = declaredOperations();
        assertTrue(declared.size() > 20, "found the resources: " + declared.keySet());
        List<String> missing = new ArrayList<>();
        declared.forEach((path, methods) -> methods.forEach(m -> {
            if (!described.getOrDefault(path, Set.of()).contains(m)) {
                missing.add(m.toUpperCase() + " " + path);
            }
        }));
        assertEquals(List.of(), missing, "operations missing from /api/openapi");
    }

    /** Paths and their methods in the generated YAML. */
    private static Map<String, Set<String>> describedOperations() throws Exception {
        HttpResponse<String> r = RestClient.anonymous().get("/api/openapi");
        assertEquals(200, r.statusCode());
        Map<String, Set<String>> ops = new TreeMap<>();
        boolean inPaths = false;
        String current = null;
        for (String line : r.body().split("\n")) {
            if (!line.startsWith(" ")) {
                inPaths = line.startsWith("paths:");
                current = null;
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher p = PATH_LINE.matcher(line);
            Matcher m = METHOD_LINE.matcher(line);
            if (p.matches()) {
                current = p.group(1);
                ops.put(current, new TreeSet<>());
            } else if (m.matches() && current != null) {
                ops.get(current).add(m.group(1));
            }
        }
        assertTrue(ops.containsKey("/api/v1/credentials"), "/api/v1/credentials in " + ops.keySet());
        return ops;
    }

    /** Paths and methods declared by the resource classes compiled from src/main/java. */
    private static Map<String, Set<String>> declaredOperations() throws Exception {
        // target/classes (not test-classes): where the WAR's classes come from
        java.nio.file.Path classes = Paths.get(Class.forName("org.parley.interfaces.rest.RestApplication")
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        String application = null;
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("org/parley"))) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = classes.relativize(f).toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName(name.replace('/', '.').replace(".class", ""), false,
                        OpenApiCoverageIT.class.getClassLoader());
                if (c.isAnnotationPresent(ApplicationPath.class)) {
                    application = c.getAnnotation(ApplicationPath.class).value();
                }
                if (c.isAnnotationPresent(Path.class)) {
                    resources.add(c);
                }
            }
        }
        assertEquals("/api", application);
        Map<String, Set<String>> ops = new TreeMap<>();
        for (Class<?> c : resources) {
            for (Method m : c.getMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = normalize(application + "/" + c.getAnnotation(Path.class).value() + "/"
                        + (sub == null ? "" : sub.value()));
                ops.computeIfAbsent(path, k -> new TreeSet<>()).add(verb.toLowerCase());
            }
        }
        return ops;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** One slash between segments, none at the end, {name: regex} as {name}. */
    private static String normalize(String path) {
        String p = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
