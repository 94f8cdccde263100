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
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context != null ? context : DepartmentFolders.class.getClassLoader();
        try {
            Enumeration<URL> roots = loader.getResources(ROOT);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    fromDirectory(Path.of(root.toURI()), found);
                } else if ("jar".equals(root.getProtocol())) {
                    fromJar((JarURLConnection) root.openConnection(), found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + ROOT + "/ on the classpath", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list " + ROOT + "/ on the classpath", e);
        }
        return found;
    }

    private static void fromDirectory(Path root, SortedSet<String> found) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(folder -> Files.isRegularFile(folder.resolve(DESCRIPTION)))
                    .forEach(folder -> found.add(ROOT + "/" + folder.getFileName() + "/" + DESCRIPTION));
        }
    }

    private static void fromJar(JarURLConnection connection, SortedSet<String> found) throws IOException {
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                String[] parts = name.split("/");
                if (parts.length == 3 && parts[0].equals(ROOT) && parts[2].equals(DESCRIPTION)) {
                    found.add(name);
                }
            }
        }
    }
}
