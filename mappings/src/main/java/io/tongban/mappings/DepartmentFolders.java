package io.tongban.mappings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The department folders on the classpath: {@code departments/<source>/}, each holding the department's
 * {@code connector.yaml}. A department joins by its folder being on the classpath (in the connectors jar, its own
 * jar, or a test's resources), so nothing keeps a list of them. Found with the JDK alone, without Spring, because
 * the canonical model reads the fields departments contribute from the same files.
 */
public final class DepartmentFolders {

    /** The root every department folder lives under. */
    public static final String ROOT = "departments";
    /** The file that makes a folder a department's. */
    public static final String DESCRIPTION = "connector.yaml";

    private DepartmentFolders() {
    }

    /** Classpath paths of every department's description ({@code departments/<source>/connector.yaml}), sorted. */
    public static SortedSet<String> descriptions() {
        SortedSet<String> found = new TreeSet<>();
        for (String file : under(ROOT)) {
            String[] parts = file.split("/");
            if (parts.length == 3 && parts[2].equals(DESCRIPTION)) {
                found.add(file);
            }
        }
        return found;
    }

    /**
     * Classpath paths of every file in one department's folder and below it ({@code departments/<source>/...}),
     * sorted, wherever on the classpath its parts are (its specs in a jar, its fixtures in a test's resources).
     */
    public static SortedSet<String> files(String source) {
        return under(ROOT + "/" + source);
    }

    private static SortedSet<String> under(String folder) {
        SortedSet<String> found = new TreeSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : DepartmentFolders.class.getClassLoader();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    fromDirectory(folder, Path.of(root.toURI()), found);
                } else if ("jar".equals(root.getProtocol())) {
                    fromJar(folder, (JarURLConnection) root.openConnection(), found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + "/ on the classpath", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + folder + "/ on the classpath", e);
        }
        return found;
    }

    private static void fromDirectory(String folder, Path root, SortedSet<String> found) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .forEach(file -> found.add(folder + "/" + root.relativize(file).toString().replace('\\', '/')));
        }
    }

    private static void fromJar(String folder, JarURLConnection connection, SortedSet<String> found) throws IOException {
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(folder + "/")) {
                    found.add(entry.getName());
                }
            }
        }
    }
}
