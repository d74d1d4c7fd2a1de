package nl.meerwaarde.host.reference.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The host's pages: log in, log out, and a short error page. Plain HTML in Dutch with a small inline style sheet
 * and no external assets; built for WCAG 2.1 AA: a language, labelled fields, a visible focus ring, contrast of
 * at least 4.5:1 for text, and an error message that is announced and tied to the fields it concerns.
 */
final class LoginPage {
    static final String ERROR_ID = "login-fout";
    static final String UNKNOWN_CREDENTIALS = "Onbekende gebruikersnaam of wachtwoord.";

    /** The whole style sheet; the Content-Security-Policy allows exactly this one by its hash. */
    static final String STYLE = String.join(
            "",
            "*{box-sizing:border-box}",
            "body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;",
            "font-size:1.125rem;line-height:1.5;color:#1b1b1b;background:#eef0f3}",
            "main{max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #6b7280;",
            "border-radius:.5rem}",
            "h1{margin:0 0 .25rem;font-size:1.75rem;line-height:1.2}",
            ".organisatie{margin:0 0 1.5rem;color:#374151}",
            ".veld{margin-bottom:1.25rem}",
            "label{display:block;font-weight:600;margin-bottom:.25rem}",
            "input{width:100%;padding:.6rem .7rem;font:inherit;color:#1b1b1b;background:#fff;",
            "border:2px solid #4b5563;border-radius:.25rem}",
            "input[aria-invalid=true]{border-color:#a4001d}",
            "button{font:inherit;font-weight:600;padding:.65rem 1.5rem;color:#fff;background:#1d4ed8;",
            "border:2px solid #1d4ed8;border-radius:.25rem;cursor:pointer}",
            "button:hover{background:#1e3a8a;border-color:#1e3a8a}",
            "a{color:#1d4ed8}",
            ":focus-visible{outline:3px solid #1b1b1b;outline-offset:3px}",
            ".fout{margin:0 0 1.25rem;padding:.75rem 1rem;color:#7a0016;background:#fdecef;",
            "border-left:.35rem solid #a4001d}",
            ".fout p{margin:0}");

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + styleHash()
            + "'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private LoginPage() {}

    /** The login form; with an error, the fields are marked invalid and described by the message. */
    static String login(String organisation, String returnTo, String username, String error) {
        StringBuilder main = new StringBuilder();
        main.append("<h1>Inloggen</h1>\n");
        main.append("<p class=\"organisatie\">").append(escape(organisation)).append("</p>\n");
        String invalid = "";
        if (error != null) {
            main.append("<div class=\"fout\" id=\"")
                    .append(ERROR_ID)
                    .append("\" role=\"alert\"><p>")
                    .append(escape(error))
                    .append("</p></div>\n");
            invalid = " aria-invalid=\"true\" aria-describedby=\"" + ERROR_ID + "\"";
        }
        main.append("<form method=\"post\" action=\"")
                .append(ReturnTo.LOGIN_PATH)
                .append("\">\n");
        main.append("<input type=\"hidden\" name=\"")
                .append(ReturnTo.PARAMETER)
                .append("\" value=\"")
                .append(escape(returnTo))
                .append("\">\n");
        main.append("<div class=\"veld\"><label for=\"gebruikersnaam\">Gebruikersnaam</label>\n")
                .append("<input id=\"gebruikersnaam\" name=\"username\" type=\"text\" autocomplete=\"username\"")
                .append(" autocapitalize=\"none\" spellcheck=\"false\" required maxlength=\"")
                .append(Authenticator.MAX_LOGIN_LENGTH)
                .append("\" value=\"")
                .append(escape(username == null ? "" : username))
                .append('"')
                .append(invalid)
                .append("></div>\n");
        main.append("<div class=\"veld\"><label for=\"wachtwoord\">Wachtwoord</label>\n")
                .append("<input id=\"wachtwoord\" name=\"password\" type=\"password\"")
                .append(" autocomplete=\"current-password\" required")
                .append(invalid)
                .append("></div>\n");
        main.append("<button type=\"submit\">Inloggen</button>\n</form>\n");
        return page("Inloggen – " + organisation, main.toString());
    }

    /** Asks to confirm logging out (logging out is a POST, so that no link or image can do it). */
    static String logout(String organisation) {
        String main = "<h1>Uitloggen</h1>\n<p class=\"organisatie\">" + escape(organisation) + "</p>\n"
                + "<form method=\"post\" action=\"" + ReturnTo.LOGOUT_PATH + "\">\n"
                + "<p>Wilt u uitloggen?</p>\n<button type=\"submit\">Uitloggen</button>\n</form>\n"
                + "<p><a href=\"" + ReturnTo.DEFAULT + "\">Terug naar Meerwaarde</a></p>\n";
        return page("Uitloggen – " + organisation, main);
    }

    /** A short page for a request that could not be served; never with technical details. */
    static String problem(String title, String message) {
        String main = "<h1>" + escape(title) + "</h1>\n<p>" + escape(message) + "</p>\n" + "<p><a href=\""
                + ReturnTo.LOGIN_PATH + "\">Naar de inlogpagina</a></p>\n";
        return page(title, main);
    }

    private static String page(String title, String main) {
        return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"same-origin\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>" + STYLE + "</style>\n"
                + "</head>\n<body>\n<main>\n" + main + "</main>\n</body>\n</html>\n";
    }

    /** Escapes text for HTML content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String styleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
