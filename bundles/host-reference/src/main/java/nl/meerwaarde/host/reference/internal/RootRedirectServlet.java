package nl.meerwaarde.host.reference.internal;

import java.io.IOException;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.http.whiteboard.annotations.RequireHttpWhiteboard;

/**
 * The server root {@code /} sends the browser on to Meerwaarde. The pattern is the empty string: in the servlet
 * specification that matches the context root exactly (pattern {@code "/"} would be the default servlet, which
 * catches every path nobody else serves).
 */
@Component(
        service = Servlet.class,
        name = "nl.meerwaarde.host.reference.root",
        // Written out: the @HttpWhiteboardServletPattern("") annotation would give an empty list, not "".
        property = {
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=",
            // Named: Pax Web (Karaf) registers only one unnamed servlet per context.
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=meerwaarde-host-root"
        })
@RequireHttpWhiteboard
public class RootRedirectServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Servlets.write(response, WebAnswer.seeOther(ReturnTo.DEFAULT, Map.of()));
    }
}
