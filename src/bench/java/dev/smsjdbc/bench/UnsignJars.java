package dev.smsjdbc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Prints the class path given, with each signed jar replaced by an unsigned copy (made once, in the
 * directory given). Class-data sharing skips the classes of signed jars (Janino's), which the launcher's
 * shaded jar does not have either, since shading drops signatures.
 *
 * <p>Arguments: {@code directory classpath}.
 */
public final class UnsignJars {
  private UnsignJars() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<String> out = new ArrayList<>();
    for (String entry : args[1].split(java.io.File.pathSeparator)) {
      out.add(entry.endsWith(".jar") && signed(Path.of(entry)) ? unsigned(Path.of(entry), dir).toString() : entry);
    }
    System.out.println(String.join(java.io.File.pathSeparator, out));
  }

  private static boolean isSignature(String name) {
    return name.startsWith("META-INF/") && name.indexOf('/', 9) < 0
        && (name.endsWith(".SF") || name.endsWith(".DSA") || name.endsWith(".RSA") || name.endsWith(".EC"));
  }

  private static boolean signed(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().anyMatch(e -> isSignature(e.getName()));
    }
  }

  private static Path unsigned(Path jar, Path dir) throws IOException {
    Path copy = dir.resolve(jar.getFileName());
    if (Files.isRegularFile(copy)) {
      return copy;
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "unsign", ".tmp");
    try (ZipFile zip = new ZipFile(jar.toFile());
         ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(tmp))) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
        ZipEntry entry = e.nextElement();
        // The manifest goes too: it holds the signature's per-entry digests.
        if (isSignature(entry.getName()) || entry.getName().equals("META-INF/MANIFEST.MF")) {
          continue;
        }
        zout.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = zip.getInputStream(entry)) {
          in.transferTo(zout);
        }
        zout.closeEntry();
      }
    }
    Files.move(tmp, copy);
    return copy;
  }
}
