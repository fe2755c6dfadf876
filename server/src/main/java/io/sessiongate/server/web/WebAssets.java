package io.sessiongate.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the web pages, read once from the server's resources ({@code web/}): the two pages and
 * their assets (ES modules, one stylesheet, an icon). The assets are served under a build id, the
 * start of a SHA-256 of all of them ({@code /assets/<build>/admin.js}), so that a browser may keep them
 * for a year and still never mixes the files of two versions: a changed file is a new build id, which
 * the pages (served {@code no-cache}) name. Modules import each other by relative paths, and so stay in
 * their build.
 */
final class WebAssets {

    /** Every asset, by name: what {@code /assets/<build>/<name>} may serve. */
    static final List<String> FILES = List.of("style.css", "icon.svg", "api.js", "dom.js", "words.js", "admin.js",
            "directory.js", "sessions.js", "people.js", "web-sessions.js", "audit.js", "join.js");

    /** The pages, by name; {@value #BUILD_MARK} in them becomes the assets' path. */
    static final List<String> PAGES = List.of("admin.html", "join.html");

    /** Written in a page where its assets' path goes: {@code /assets/<build>}. */
    static final String BUILD_MARK = "{{assets}}";

    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "html", "text/html; charset=utf-8");

    /** A file, its media type and its entity tag (of its bytes). */
    record File(byte[] bytes, String type, String etag) {
        File(byte[] bytes, String type) {
            this(bytes, type, "\"" + sha256(bytes).substring(0, 20) + "\"");
        }
    }

    private final Map<String, File> assets = new LinkedHashMap<>();
    private final Map<String, File> pages = new LinkedHashMap<>();
    private final String build;

    WebAssets() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String name : FILES) {
            byte[] bytes = read("web/assets/" + name);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
            assets.put(name, new File(bytes, type(name)));
        }
        this.build = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        for (String name : PAGES) {
            String text = new String(read("web/" + name), StandardCharsets.UTF_8).replace(BUILD_MARK, "/assets/" + build);
            pages.put(name, new File(text.getBytes(StandardCharsets.UTF_8), type(name)));
        }
    }

    /** The build id of these assets. */
    String build() {
        return build;
    }

    Optional<File> asset(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    File page(String name) {
        return pages.get(name);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String type(String name) {
        return TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the web page's file " + resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
