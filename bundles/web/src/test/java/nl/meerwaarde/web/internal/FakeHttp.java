package nl.meerwaarde.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Hand-made servlet request and response for unit tests: they answer the calls the web bundle makes and fail loudly
 * on any other, so a test notices when the code starts to depend on more of the servlet API.
 */
public final class FakeHttp {
    private FakeHttp() {}

    public static Request get(String uri) {
        return new Request("GET", uri);
    }

    /** A form post; add its fields with {@link Request#form}. */
    public static Request post(String uri) {
        return new Request("POST", uri);
    }

    public static final class Request {
        private final String method;
        private final String uri;
        private String contextPath = "/meerwaarde";
        private String query;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private Cookie[] cookies;
        private final Map<String, Object> attributes = new HashMap<>();
        private final Map<String, List<String>> form = new LinkedHashMap<>();

        Request(String method, String uri) {
            this.method = method;
            this.uri = uri;
        }

        public Request query(String value) {
            this.query = value;
            return this;
        }

        public Request contextPath(String value) {
            this.contextPath = value;
            return this;
        }

        public Request header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .add(value);
            return this;
        }

        /** Adds values of a posted form field. */
        public Request form(String name, String... values) {
            form.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        public Request cookies(Cookie... values) {
            this.cookies = values;
            return this;
        }

        public Request attribute(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        public Object attribute(String name) {
            return attributes.get(name);
        }

        public HttpServletRequest proxy() {
            return (HttpServletRequest) Proxy.newProxyInstance(
                    FakeHttp.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (self, m, args) -> {
                        switch (m.getName()) {
                            case "getMethod":
                                return method;
                            case "getRequestURI":
                                return uri;
                            case "getContextPath":
                                return contextPath;
                            case "getQueryString":
                                return query;
                            case "getHeader": {
                                List<String> values = headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                                return values == null ? null : values.get(0);
                            }
                            case "getHeaders": {
                                List<String> values = headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                                return Collections.enumeration(values == null ? List.of() : values);
                            }
                            case "getCookies":
                                return cookies;
                            case "getParameter": {
                                List<String> values = form.get((String) args[0]);
                                return values == null || values.isEmpty() ? null : values.get(0);
                            }
                            case "getParameterValues": {
                                List<String> values = form.get((String) args[0]);
                                return values == null ? null : values.toArray(new String[0]);
                            }
                            case "getParameterMap": {
                                Map<String, String[]> map = new LinkedHashMap<>();
                                form.forEach((k, v) -> map.put(k, v.toArray(new String[0])));
                                return map;
                            }
                            case "setCharacterEncoding":
                                return null;
                            case "getCharacterEncoding":
                                return "UTF-8";
                            case "getContentType": {
                                List<String> values = headers.get("content-type");
                                return values == null ? null : values.get(0);
                            }
                            case "isSecure":
                                return false;
                            case "getAttribute":
                                return attributes.get((String) args[0]);
                            case "setAttribute":
                                attributes.put((String) args[0], args[1]);
                                return null;
                            case "removeAttribute":
                                attributes.remove((String) args[0]);
                                return null;
                            case "toString":
                                return "FakeRequest[" + method + " " + uri + "]";
                            case "hashCode":
                                return System.identityHashCode(self);
                            case "equals":
                                return self == args[0];
                            default:
                                throw new UnsupportedOperationException("FakeHttp.Request does not do " + m.getName());
                        }
                    });
        }
    }

    public static final class Response {
        private int status = 200;
        private String contentType;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private PrintWriter writer;

        public int status() {
            return status;
        }

        public String contentType() {
            return contentType;
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public String body() {
            if (writer != null) {
                writer.flush();
            }
            return body.toString(StandardCharsets.UTF_8);
        }

        public HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(
                    FakeHttp.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (self, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus":
                                status = (Integer) args[0];
                                return null;
                            case "getStatus":
                                return status;
                            case "setHeader": {
                                List<String> values = new ArrayList<>();
                                values.add((String) args[1]);
                                headers.put(((String) args[0]).toLowerCase(Locale.ROOT), values);
                                return null;
                            }
                            case "addHeader":
                                headers.computeIfAbsent(
                                                ((String) args[0]).toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                                        .add((String) args[1]);
                                return null;
                            case "getHeader":
                                return header((String) args[0]);
                            case "setContentType":
                                contentType = (String) args[0];
                                return null;
                            case "getContentType":
                                return contentType;
                            case "setContentLength":
                                headers.put("content-length", new ArrayList<>(List.of(String.valueOf(args[0]))));
                                return null;
                            case "setCharacterEncoding":
                                return null;
                            case "isCommitted":
                                return false;
                            case "getOutputStream":
                                return new ServletOutputStream() {
                                    @Override
                                    public void write(int b) {
                                        body.write(b);
                                    }

                                    @Override
                                    public boolean isReady() {
                                        return true;
                                    }

                                    @Override
                                    public void setWriteListener(WriteListener listener) {
                                        throw new UnsupportedOperationException("no async output in tests");
                                    }
                                };
                            case "getWriter":
                                if (writer == null) {
                                    writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
                                }
                                return writer;
                            case "toString":
                                return "FakeResponse[" + status + "]";
                            case "hashCode":
                                return System.identityHashCode(self);
                            case "equals":
                                return self == args[0];
                            default:
                                throw new UnsupportedOperationException("FakeHttp.Response does not do " + m.getName());
                        }
                    });
        }
    }
}
