package nl.meerwaarde.web.internal.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import nl.meerwaarde.api.InvalidInputException;
import nl.meerwaarde.api.InvalidInputException.FieldError;
import nl.meerwaarde.web.FieldCodes;
import nl.meerwaarde.web.WebConstants;
import nl.meerwaarde.web.internal.Json;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Reads and writes JSON for the Meerwaarde application with the bundle's mapper ({@link Json#newMapper()}: ISO dates,
 * no empty Optionals).
 *
 * <p>The application brings its own provider: the Aries JAX-RS Jackson bundle registers its provider ({@code
 * osgi.jaxrs.name=jaxb-json}) for the default application only, so a named application could only use it after a
 * ConfigAdmin setting on every runtime; and its mapper would not know {@code java.time}.
 *
 * <p>Text and binary entities (a {@code String} such as a problem-details body, bytes, streams) are left to the
 * runtime's own providers, so JSON already written is never written again as a JSON string.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(Extensions.JSON)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect(WebConstants.APPLICATION_SELECT)
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public final class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    private static final List<Class<?>> UNTOUCHABLES = List.of(
            String.class,
            byte[].class,
            char[].class,
            InputStream.class,
            Reader.class,
            OutputStream.class,
            File.class,
            StreamingOutput.class,
            Response.class);

    /** Field code of a JSON property the request type does not have. */
    static final String UNKNOWN_FIELD = "body.unknownField";

    private final ObjectMapper mapper = strict((JsonMapper) Json.newMapper());

    /**
     * The bundle's mapper, strict when reading: unknown properties, {@code null} for a number or yes/no, text where a
     * number or yes/no belongs (and the reverse) and anything after the JSON value are refused.
     */
    static ObjectMapper strict(JsonMapper mapper) {
        JsonMapper strict = mapper.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict;
    }

    /** Whether the media type is JSON: {@code application/json} or any {@code +json} type; none counts as JSON. */
    static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return true;
        }
        String subtype = mediaType.getSubtype();
        return "json".equalsIgnoreCase(subtype)
                || subtype.toLowerCase(Locale.ROOT).endsWith("+json");
    }

    static boolean handles(Class<?> type, MediaType mediaType) {
        return isJson(mediaType) && UNTOUCHABLES.stream().noneMatch(untouchable -> untouchable.isAssignableFrom(type));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type, mediaType);
    }

    @Override
    public void writeTo(
            Object value,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders,
            OutputStream entityStream)
            throws IOException {
        JavaType javaType = mapper.getTypeFactory().constructType(genericType == null ? type : genericType);
        mapper.writerFor(javaType).writeValue(entityStream, value);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return handles(type, mediaType);
    }

    /**
     * Reads the body; malformed JSON or a value of the wrong type is invalid input naming the field ({@code body}
     * for the body as a whole), answered 400 like any other; an unknown property is {@value #UNKNOWN_FIELD} on its
     * path. A body over {@link BodyLimit#MAX_BYTES} is refused with 413.
     */
    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        JavaType javaType = mapper.getTypeFactory().constructType(genericType == null ? type : genericType);
        BodyLimit.checkDeclared(httpHeaders == null ? null : httpHeaders.getFirst("Content-Length"));
        try {
            return mapper.readerFor(javaType).readValue(BodyLimit.limited(entityStream));
        } catch (BodyLimit.TooLarge e) {
            throw BodyLimit.tooLarge();
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(FieldError.of(field(e.getPath()), UNKNOWN_FIELD));
        } catch (JsonMappingException e) {
            if (BodyLimit.exceeded(e)) {
                throw BodyLimit.tooLarge();
            }
            throw new InvalidInputException(FieldError.of(field(e.getPath()), FieldCodes.TYPE));
        } catch (JsonProcessingException e) {
            if (BodyLimit.exceeded(e)) {
                throw BodyLimit.tooLarge();
            }
            throw new InvalidInputException(FieldError.of("body", FieldCodes.TYPE));
        }
    }

    /** The path of a JSON mapping failure, e.g. {@code goals[1].description}; {@code body} for the whole body. */
    static String field(List<JsonMappingException.Reference> path) {
        if (path == null || path.isEmpty()) {
            return "body";
        }
        String joined = path.stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining());
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
