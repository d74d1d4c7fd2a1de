package nl.meerwaarde.host.reference.internal;

import java.io.IOException;
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

/** Logging out at {@code /logout}: GET asks to confirm, POST ends the session and clears the cookie. */
@Component(
        service = Servlet.class,
        name = "nl.meerwaarde.host.reference.logout",
        configurationPid = HostReferenceConfig.PID)
// Named: Pax Web (Karaf) registers only one unnamed servlet per context.
@HttpWhiteboardServletName("meerwaarde-host-logout")
@HttpWhiteboardServletPattern(ReturnTo.LOGOUT_PATH)
public class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient LoginController controller;

    @Activate
    public LogoutServlet(
            @Reference Authenticator authenticator,
            @Reference(target = LoginServlet.OWN_ORGANISATION) Organisation organisation,
            HostReferenceConfig config) {
        this.controller = new LoginController(authenticator, organisation::name, config.cookieSecure());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            super.service(request, response);
        } catch (RuntimeException | ServletException e) {
            Servlets.fail(response, "The logout page failed", e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Servlets.write(response, controller.showLogout());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Servlets.write(
                response,
                controller.logout(
                        Servlets.cookie(request, SessionCookie.NAME),
                        request.getHeader("Origin"),
                        request.getHeader("Host")));
    }
}
