package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import nl.meerwaarde.web.WebConstants;

/**
 * Compares an OpenAPI document with JAX-RS resource classes, both ways, and answers every difference as one line of
 * text (an empty list: they agree). Used by {@link OpenApiConformanceTest}; kept apart so that the comparison itself
 * can be tested on documents that are wrong on purpose.
 *
 * <p>What is compared:
 *
 * <ul>
 *   <li>operations: {@code METHOD /full/path} from the resources (class {@code @Path} + method {@code @Path} + HTTP
 *       method annotation, below {@code /meerwaarde/api}) against the document's paths below its server URL;
 *       templates normalised ({@code {id: [0-9]+}} is {@code {id}}, no double or trailing slashes);
 *   <li>per operation: path, query and header parameters against {@code @PathParam}, {@code @QueryParam} and {@code
 *       @HeaderParam} (the context-level {@code lang} and {@code Accept-Language} aside); a request body exactly
 *       when the method has an entity parameter, with the {@code @Consumes} media types and, for a record, the
 *       record's schema; the 2xx responses with the {@code @Produces} media types and, unless the method answers a
 *       {@link Response}, a schema matching the return type; every error answered as problem details;
 *   <li>schemas: every record of {@link #RECORD_HOLDERS} (and the records they use) has a component schema of its
 *       simple name whose properties are exactly the record's components, each of a matching type, required only
 *       when not {@code Optional}; every {@code $ref} resolves.
 * </ul>
 */
final class OpenApiConformance {
    /** The base below which the resources' paths are: the context path and the application base. */
    static final String BASE = WebConstants.CONTEXT_PATH + WebConstants.APPLICATION_BASE;

    /** Parameters the Meerwaarde context reads for every request, documented by these components only. */
    static final Set<String> CONTEXT_PARAMETERS =
            Set.of("#/components/parameters/Lang", "#/components/parameters/AcceptLanguage");

    /** Classes whose nested records are request bodies and response shapes: each must have its schema. */
    static final List<Class<?>> RECORD_HOLDERS = List.of(Bodies.class, Views.class);

    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);

    private static final List<Class<? extends Annotation>> NOT_ENTITY = List.of(
            PathParam.class,
            QueryParam.class,
            HeaderParam.class,
            CookieParam.class,
            FormParam.class,
            MatrixParam.class,
            BeanParam.class,
            Context.class);

    private final JsonNode document;
    private final List<String> differences = new ArrayList<>();
    private final Set<String> checked = new HashSet<>();

    private OpenApiConformance(JsonNode document) {
        this.document = document;
    }

    /** Every difference between the document and the resource classes, sorted; empty when they agree. */
    static List<String> differences(JsonNode document, Collection<Class<?>> resources, Collection<Class<?>> records) {
        OpenApiConformance conformance = new OpenApiConformance(document);
        conformance.compare(resources, records);
        return conformance.differences.stream().sorted().distinct().toList();
    }

    /**
     * The classes of the package with a {@code @Path}: the package's JAX-RS resources, found in every class-path
     * directory of the package (main and test classes are separate directories under Maven).
     */
    static List<Class<?>> resourceClasses() {
        String pkg = OpenApiConformance.class.getPackageName();
        ClassLoader loader = OpenApiConformance.class.getClassLoader();
        Set<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(pkg.replace('.', '/')))) {
                if (!"file".equals(url.getProtocol())) {
                    throw new IllegalStateException("Cannot list the classes of " + pkg + " at " + url);
                }
                File[] files =
                        new File(url.toURI()).listFiles((dir, name) -> name.endsWith(".class") && !name.contains("$"));
                for (File file : files == null ? new File[0] : files) {
                    names.add(pkg + "."
                            + file.getName().substring(0, file.getName().length() - ".class".length()));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot list the classes of " + pkg, e);
        }
        List<Class<?>> resources = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(Path.class) && !type.isInterface()) {
                    resources.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return resources;
    }

    /** The nested records of {@link #RECORD_HOLDERS} that are not generic. */
    static List<Class<?>> namedRecords() {
        return RECORD_HOLDERS.stream()
                .flatMap(holder -> Arrays.stream(holder.getDeclaredClasses()))
                .filter(Class::isRecord)
                .filter(type -> type.getTypeParameters().length == 0)
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
    }

    private void compare(Collection<Class<?>> resources, Collection<Class<?>> records) {
        if (resources.isEmpty()) {
            differences.add("no JAX-RS resource classes found to compare with");
        }
        Map<String, Method> implemented = implemented(resources);
        Map<String, JsonNode[]> documented = documented();
        for (String operation : implemented.keySet()) {
            if (!documented.containsKey(operation)) {
                differences.add("implemented but not documented: " + operation + " ("
                        + describe(implemented.get(operation)) + ")");
            }
        }
        for (String operation : documented.keySet()) {
            if (!implemented.containsKey(operation)) {
                differences.add("documented but not implemented: " + operation);
            }
        }
        for (Map.Entry<String, Method> entry : implemented.entrySet()) {
            JsonNode[] doc = documented.get(entry.getKey());
            if (doc != null) {
                compareOperation(entry.getKey(), entry.getValue(), doc[0], doc[1]);
            }
        }
        for (Class<?> record : records) {
            JsonNode schema = document.path("components").path("schemas").path(record.getSimpleName());
            if (schema.isMissingNode()) {
                differences.add("schema missing for record " + record.getName().replace('$', '.') + ": "
                        + "#/components/schemas/" + record.getSimpleName());
            } else {
                checkType("#/components/schemas/" + record.getSimpleName(), ref(record), record, Map.of());
                JsonNode additional = schema.path("additionalProperties");
                if (record.getEnclosingClass() == Bodies.class
                        && !(additional.isBoolean() && !additional.asBoolean())) {
                    differences.add("#/components/schemas/" + record.getSimpleName()
                            + ": a request body refuses unknown properties: additionalProperties must be false");
                }
            }
        }
        checkReferences(document, "#");
    }

    // ---- operations -------------------------------------------------------------------------------------------------

    /** The operations of the resources, by {@code METHOD /full/path}. */
    private Map<String, Method> implemented(Collection<Class<?>> resources) {
        Map<String, Method> operations = new TreeMap<>();
        for (Class<?> resource : resources) {
            String classPath = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                if (Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                List<String> verbs = HTTP_METHODS.stream()
                        .filter(method::isAnnotationPresent)
                        .map(a -> a.getSimpleName())
                        .toList();
                Path methodPath = method.getAnnotation(Path.class);
                if (verbs.isEmpty()) {
                    if (methodPath != null) {
                        differences.add("sub-resource locator not supported by this comparison: " + describe(method));
                    }
                    continue;
                }
                String path = normalise(BASE + "/" + classPath + (methodPath == null ? "" : "/" + methodPath.value()));
                for (String verb : verbs) {
                    Method earlier = operations.put(verb + " " + path, method);
                    if (earlier != null) {
                        differences.add("implemented twice: " + verb + " " + path + " (" + describe(earlier) + ", "
                                + describe(method) + ")");
                    }
                }
            }
        }
        return operations;
    }

    /** The operations of the document, by {@code METHOD /full/path}: the path item and the operation. */
    private Map<String, JsonNode[]> documented() {
        Map<String, JsonNode[]> operations = new TreeMap<>();
        String server = document.path("servers").path(0).path("url").asText("");
        if (server.isEmpty()) {
            differences.add("the document names no server URL (servers[0].url)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                String verb = item.getKey().toUpperCase(java.util.Locale.ROOT);
                if (HTTP_METHODS.stream().anyMatch(a -> a.getSimpleName().equals(verb)) || "TRACE".equals(verb)) {
                    operations.put(
                            verb + " " + normalise(server + "/" + path.getKey()),
                            new JsonNode[] {path.getValue(), item.getValue()});
                }
            }
        }
        return operations;
    }

    /** A path with single slashes, no trailing slash, and templates without their regular expressions. */
    static String normalise(String path) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '{') {
                int end = path.indexOf('}', i);
                String name = path.substring(i + 1, end);
                int colon = name.indexOf(':');
                out.append('{')
                        .append((colon < 0 ? name : name.substring(0, colon)).strip())
                        .append('}');
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        String normal = out.toString().replaceAll("/{2,}", "/");
        return normal.length() > 1 && normal.endsWith("/") ? normal.substring(0, normal.length() - 1) : normal;
    }

    private void compareOperation(String operation, Method method, JsonNode pathItem, JsonNode doc) {
        compareParameters(operation, method, pathItem, doc);
        compareRequestBody(operation, method, doc);
        compareResponses(operation, method, doc);
    }

    private void compareParameters(String operation, Method method, JsonNode pathItem, JsonNode doc) {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), doc.path("parameters"))) {
            for (JsonNode parameter : list) {
                if (parameter.has("$ref")
                        && CONTEXT_PARAMETERS.contains(parameter.get("$ref").asText())) {
                    continue;
                }
                JsonNode resolved = resolve(parameter);
                String in = resolved.path("in").asText();
                String name = resolved.path("name").asText();
                if ("lang".equals(name) || "Accept-Language".equalsIgnoreCase(name)) {
                    differences.add(
                            operation + ": parameter " + name + " is the context's; refer to " + CONTEXT_PARAMETERS);
                    continue;
                }
                if ("path".equals(in) && !resolved.path("required").asBoolean(false)) {
                    differences.add(operation + ": path parameter " + name + " must be required");
                }
                documented.computeIfAbsent(in, k -> new TreeSet<>()).add(name);
            }
        }
        Map<String, Set<String>> implemented = new TreeMap<>();
        for (Parameter parameter : method.getParameters()) {
            add(
                    implemented,
                    "path",
                    parameter.getAnnotation(PathParam.class) == null
                            ? null
                            : parameter.getAnnotation(PathParam.class).value());
            add(
                    implemented,
                    "query",
                    parameter.getAnnotation(QueryParam.class) == null
                            ? null
                            : parameter.getAnnotation(QueryParam.class).value());
            add(
                    implemented,
                    "header",
                    parameter.getAnnotation(HeaderParam.class) == null
                            ? null
                            : parameter.getAnnotation(HeaderParam.class).value());
            add(
                    implemented,
                    "cookie",
                    parameter.getAnnotation(CookieParam.class) == null
                            ? null
                            : parameter.getAnnotation(CookieParam.class).value());
        }
        for (String in : List.of("path", "query", "header", "cookie")) {
            Set<String> doc1 = documented.getOrDefault(in, Set.of());
            Set<String> code = implemented.getOrDefault(in, Set.of());
            if (!doc1.equals(code)) {
                differences.add(operation + ": " + in + " parameters documented " + doc1 + ", implemented " + code);
            }
        }
        Set<String> templated = new TreeSet<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(operation);
        while (m.find()) {
            templated.add(m.group(1));
        }
        Set<String> pathParameters = documented.getOrDefault("path", Set.of());
        if (!templated.equals(pathParameters)) {
            differences.add(operation + ": path template names " + templated + ", path parameters documented "
                    + pathParameters);
        }
    }

    private static void add(Map<String, Set<String>> map, String in, String name) {
        if (name != null) {
            map.computeIfAbsent(in, k -> new TreeSet<>()).add(name);
        }
    }

    private void compareRequestBody(String operation, Method method, JsonNode doc) {
        Optional<Parameter> entity = Arrays.stream(method.getParameters())
                .filter(p -> NOT_ENTITY.stream().noneMatch(p::isAnnotationPresent))
                .findFirst();
        JsonNode body = resolve(doc.path("requestBody"));
        if (entity.isEmpty()) {
            if (!body.isMissingNode()) {
                differences.add(operation + ": documents a request body, but " + describe(method) + " reads none");
            }
            return;
        }
        if (body.isMissingNode()) {
            differences.add(operation + ": reads a request body ("
                    + entity.get().getParameterizedType().getTypeName() + ") that is not documented");
            return;
        }
        Set<String> consumes = mediaTypes(method, Consumes.class);
        Set<String> documented = names(body.path("content"));
        if (!documented.equals(consumes)) {
            differences.add(operation + ": request media types documented " + documented + ", @Consumes " + consumes);
        }
        Type type = entity.get().getParameterizedType();
        if (type instanceof Class<?> c && c.isRecord()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.path("content").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> content = it.next();
                checkType(
                        operation + " request body " + content.getKey(),
                        content.getValue().path("schema"),
                        type,
                        Map.of());
            }
        }
    }

    /** The schemas of problem details: the general one, and the import's with its invalid records. */
    private static final Set<String> PROBLEM_SCHEMAS =
            Set.of("#/components/schemas/Problem", "#/components/schemas/ImportProblem");

    private void compareResponses(String operation, Method method, JsonNode doc) {
        JsonNode responses = doc.path("responses");
        Set<String> produces = mediaTypes(method, Produces.class);
        List<String> success = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String status = entry.getKey();
            JsonNode response = resolve(entry.getValue());
            if (status.startsWith("2")) {
                success.add(status);
                Set<String> documented = names(response.path("content"));
                if (!documented.equals(produces)) {
                    differences.add(operation + " " + status + ": media types documented " + documented + ", @Produces "
                            + produces);
                }
                if (!Response.class.equals(method.getReturnType())) {
                    for (Iterator<Map.Entry<String, JsonNode>> c =
                                    response.path("content").fields();
                            c.hasNext(); ) {
                        Map.Entry<String, JsonNode> content = c.next();
                        checkType(
                                operation + " " + status + " " + content.getKey(),
                                content.getValue().path("schema"),
                                method.getGenericReturnType(),
                                Map.of());
                    }
                }
            } else if (status.startsWith("4") || status.startsWith("5") || "default".equals(status)) {
                Set<String> documented = names(response.path("content"));
                if (!documented.equals(Set.of(WebConstants.PROBLEM_JSON))) {
                    differences.add(operation + " " + status + ": an error answers only " + WebConstants.PROBLEM_JSON
                            + ", documented " + documented);
                } else if (!PROBLEM_SCHEMAS.contains(response.path("content")
                        .path(WebConstants.PROBLEM_JSON)
                        .path("schema")
                        .path("$ref")
                        .asText())) {
                    differences.add(operation + " " + status + ": an error's schema is one of " + PROBLEM_SCHEMAS);
                }
            }
        }
        if (success.isEmpty()) {
            differences.add(operation + ": no 2xx response documented");
        }
        if (!Response.class.equals(method.getReturnType()) && !success.equals(List.of("200"))) {
            differences.add(operation + ": " + describe(method) + " answers 200 only, documented " + success);
        }
        if (!responses.has("401")) {
            differences.add(operation + ": every call may answer 401; not documented");
        }
    }

    private static Set<String> mediaTypes(Method method, Class<? extends Annotation> annotation) {
        String[] values = null;
        for (Annotation a : List.of(method.getAnnotations())) {
            if (a.annotationType().equals(annotation)) {
                values = annotation == Consumes.class ? ((Consumes) a).value() : ((Produces) a).value();
            }
        }
        if (values == null) {
            Annotation onClass = method.getDeclaringClass().getAnnotation(annotation);
            if (onClass != null) {
                values = annotation == Consumes.class ? ((Consumes) onClass).value() : ((Produces) onClass).value();
            }
        }
        return values == null
                ? Set.of()
                : Arrays.stream(values)
                        .flatMap(v -> Arrays.stream(v.split(",")))
                        .map(String::strip)
                        .collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- schemas ----------------------------------------------------------------------------------------------------

    private static JsonNode ref(Class<?> type) {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("$ref", "#/components/schemas/" + type.getSimpleName());
    }

    /**
     * Checks that the schema describes what Jackson writes (or reads) for the Java type, as the bundle's mapper
     * does: {@code Optional} as its value (left out when empty), {@code java.time} as ISO text, records as objects
     * with their components' names.
     */
    private void checkType(String where, JsonNode schema, Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            checkType(where, schema, bound == null ? Object.class : bound, bindings);
            return;
        }
        if (type instanceof WildcardType wildcard) {
            checkType(where, schema, wildcard.getUpperBounds()[0], bindings);
            return;
        }
        Class<?> raw = raw(type);
        if (raw == Optional.class) {
            checkType(where, schema, argument(type, 0), bindings);
            return;
        }
        String reference = schema.path("$ref").asText(null);
        boolean named = raw.isEnum() || (raw.isRecord() && raw.getTypeParameters().length == 0);
        if (named && !("#/components/schemas/" + raw.getSimpleName()).equals(reference)) {
            differences.add(where + ": " + raw.getName().replace('$', '.') + " is #/components/schemas/"
                    + raw.getSimpleName() + ", documented " + (reference == null ? "inline" : reference));
            return;
        }
        if (reference != null) {
            if (!checked.add(reference + "|" + type.getTypeName())) {
                return;
            }
            JsonNode resolved = resolve(schema);
            if (resolved.isMissingNode()) {
                return; // reported by checkReferences
            }
            where = reference;
            schema = resolved;
        }
        String actual = schema.path("type").asText(null);
        if (raw == Object.class) {
            if (actual != null) {
                differences.add(where + ": any JSON value, documented type " + actual);
            }
            return;
        }
        if (raw.isRecord()) {
            checkRecord(where, schema, type, raw, bindings);
            return;
        }
        String expected;
        String format = null;
        if (raw == String.class || raw.isEnum()) {
            expected = "string";
        } else if (raw == LocalDate.class) {
            expected = "string";
            format = "date";
        } else if (raw == Instant.class) {
            expected = "string";
            format = "date-time";
        } else if (raw == int.class
                || raw == Integer.class
                || raw == long.class
                || raw == Long.class
                || raw == short.class
                || raw == Short.class
                || raw == BigInteger.class) {
            expected = "integer";
        } else if (raw == BigDecimal.class
                || raw == double.class
                || raw == Double.class
                || raw == float.class
                || raw == Float.class) {
            expected = "number";
        } else if (raw == boolean.class || raw == Boolean.class) {
            expected = "boolean";
        } else if (Collection.class.isAssignableFrom(raw)) {
            expected = "array";
        } else if (JsonNode.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            expected = "object";
        } else {
            differences.add(where + ": no rule for Java type " + type.getTypeName() + " in this comparison");
            return;
        }
        if (!expected.equals(actual)) {
            differences.add(where + ": " + type.getTypeName() + " is type " + expected + ", documented " + actual);
            return;
        }
        if (format != null && !format.equals(schema.path("format").asText(null))) {
            differences.add(where + ": " + type.getTypeName() + " is format " + format + ", documented "
                    + schema.path("format").asText(null));
        }
        if (raw.isEnum()) {
            Set<String> constants = Arrays.stream(raw.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> documented = new TreeSet<>();
            schema.path("enum").forEach(v -> documented.add(v.asText()));
            if (!constants.equals(documented)) {
                differences.add(where + ": " + raw.getName() + " has " + constants + ", documented " + documented);
            }
        }
        if (expected.equals("array")) {
            checkType(where + ".items", schema.path("items"), argument(type, 0), bindings);
        }
    }

    private void checkRecord(String where, JsonNode schema, Type type, Class<?> raw, Map<TypeVariable<?>, Type> outer) {
        if (!"object".equals(schema.path("type").asText(null))) {
            differences.add(where + ": record " + raw.getSimpleName() + " is type object, documented "
                    + schema.path("type").asText(null));
        }
        Map<TypeVariable<?>, Type> bindings = new HashMap<>(outer);
        if (type instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                bindings.put(variables[i], parameterized.getActualTypeArguments()[i]);
            }
        }
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        Set<String> documented = names(schema.path("properties"));
        if (!documented.equals(new TreeSet<>(components.keySet()))) {
            Set<String> missing = new TreeSet<>(components.keySet());
            missing.removeAll(documented);
            Set<String> extra = new TreeSet<>(documented);
            extra.removeAll(components.keySet());
            differences.add(
                    where + ": properties differ from record " + raw.getName().replace('$', '.')
                            + (missing.isEmpty() ? "" : "; not documented " + missing)
                            + (extra.isEmpty() ? "" : "; not in the record " + extra));
        }
        for (JsonNode required : schema.path("required")) {
            RecordComponent component = components.get(required.asText());
            if (component == null) {
                differences.add(where + ": required " + required.asText() + " is no property");
            } else if (component.getType() == Optional.class) {
                differences.add(where + ": " + required.asText() + " is Optional (left out when empty): not required");
            }
        }
        for (RecordComponent component : components.values()) {
            JsonNode property = schema.path("properties").path(component.getName());
            if (!property.isMissingNode()) {
                checkType(where + "." + component.getName(), property, component.getGenericType(), bindings);
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** The node a {@code $ref} points to (the node itself when it has none); missing when it points nowhere. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String reference = current.get("$ref").asText();
            if (!reference.startsWith("#/")) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            current = document.at(reference.substring(1));
        }
        return current;
    }

    private void checkReferences(JsonNode node, String where) {
        if (node.isObject()) {
            JsonNode reference = node.get("$ref");
            if (reference != null && resolve(node).isMissingNode()) {
                differences.add(where + ": $ref " + reference.asText() + " points nowhere");
            }
            node.fields()
                    .forEachRemaining(e -> checkReferences(
                            e.getValue(),
                            where + "/" + e.getKey().replace("~", "~0").replace("/", "~1")));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkReferences(node.get(i), where + "/" + i);
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Stream.of(method.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
