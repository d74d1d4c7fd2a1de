package nl.meerwaarde.host.reference.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import nl.meerwaarde.host.spi.Organisation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The login page at {@code /login} (HTTP Whiteboard, default context): GET shows the form, POST logs in. */
@Component(
        service = Servlet.class,
        name = "nl.meerwaarde.host.reference.login",
        configurationPid = HostReferenceConfig.PID)
// Named: Pax Web (Karaf) registers only one unnamed servlet per context.
@HttpWhiteboardServletName(StartupBanner.LOGIN_SERVLET)
@HttpWhiteboardServletPattern(ReturnTo.LOGIN_PATH)
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The organisation service of this bundle (not another host's). */
    static final String OWN_ORGANISATION = "(component.name=nl.meerwaarde.host.reference.organisation)";

    private final transient LoginController controller;

    @Activate
    public LoginServlet(
            @Reference Authenticator authenticator,
            @Reference(target = OWN_ORGANISATION) Organisation organisation,
            HostReferenceConfig config) {
        this.controller = new LoginController(authenticator, organisation::name, config.cookieSecure());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            super.service(request, response);
        } catch (RuntimeException | ServletException e) {
            Servlets.fail(response, "The login page failed", e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Servlets.write(response, controller.showLogin(request.getParameter(ReturnTo.PARAMETER)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Servlets.write(
                response,
                controller.login(
                        request.getParameter("username"),
                        request.getParameter("password"),
                        request.getParameter(ReturnTo.PARAMETER),
                        request.getHeader("Origin"),
                        request.getHeader("Host")));
    }
}
