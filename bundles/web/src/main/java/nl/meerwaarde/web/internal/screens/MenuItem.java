package nl.meerwaarde.web.internal.screens;

/**
 * A screen as the menu shows it to one user.
 *
 * @param title the title in the user's language
 * @param path the screen's path below the server root
 * @param order the screen's menu position
 */
public record MenuItem(String id, String title, String path, String icon, int order) {}
