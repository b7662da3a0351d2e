package dev.smsjdbc.archive;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of saved SMS output (searched recursively for {@code *.json}), or one file, read strictly: every
 * file must be the output of an SMS read command ({@link ArchiveFile}), or reading fails naming it. A file's
 * Region is the nearest enclosing folder named like an AWS Region; a file outside any such folder belongs to
 * the one Region the connection names, and is an error without one.
 */
public final class Archive {
  /** AWS Region names, e.g. us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1, ap-southeast-5. */
  private static final Pattern REGION = Pattern.compile(
      "[a-z]{2}(-(gov|iso|isob|isof|isoe))?-(north|south|east|west|central|northeast|northwest|southeast|southwest)"
          + "-[0-9]{1,2}");

  private final List<RegionHistory> regions;
  private final List<String> warnings;

  private Archive(List<RegionHistory> regions, List<String> warnings) {
    this.regions = List.copyOf(regions);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Reads the archive at {@code path}.
   *
   * @param selected the Regions to keep (the connection's region/regions), or empty for all of the archive's
   * @throws ArchiveException naming the file that cannot be read, or saying why the archive cannot be used
   */
  public static Archive read(Path path, List<String> selected) {
    List<Path> files = files(path);
    // Parsed in parallel; the first bad file in path order is the one reported, whatever thread found it.
    List<Object> read = files.parallelStream().map(Archive::readOrFailure).toList();
    Map<String, RegionMerge> merges = new TreeMap<>();
    for (Object result : read) {
      if (result instanceof ArchiveException e) {
        throw e;
      }
      ArchiveFile.Content content = (ArchiveFile.Content) result;
      String region = region(content.file(), selected);
      merges.computeIfAbsent(region, RegionMerge::new).add(content);
    }
    List<String> warnings = new ArrayList<>();
    List<RegionHistory> histories = new ArrayList<>();
    for (String region : selected.isEmpty() ? List.copyOf(merges.keySet()) : selected) {
      RegionMerge merge = merges.get(region);
      if (merge == null) {
        warnings.add("Region " + region + " has no files in the archive " + path + " (it has "
            + String.join(", ", merges.keySet()) + "); its tables are empty.");
        merge = new RegionMerge(region);
      }
      histories.add(merge.build(warnings));
    }
    return new Archive(histories, warnings);
  }

  private static Object readOrFailure(Path file) {
    try {
      return ArchiveFile.read(file);
    } catch (ArchiveException e) {
      return e;
    }
  }

  /**
   * What the archive's files are now, for telling whether a copy read earlier is still current: each
   * file's path, size and modification time.
   *
   * @throws ArchiveException as {@link #read} for a path that is not there or has no files
   */
  public static String fingerprint(Path path) {
    StringBuilder state = new StringBuilder();
    try {
      for (Path file : files(path)) {
        state.append(file).append('\0').append(Files.size(file)).append('\0')
            .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
      }
    } catch (IOException e) {
      throw new ArchiveException("archive " + path + " cannot be read (" + e.getMessage() + ")", e);
    }
    return state.toString();
  }

  /** The Regions read, in the order selected (else by name), with their resources. */
  public List<RegionHistory> regions() {
    return regions;
  }

  /** What the reader noticed and the user should know: jobs with only embedded runs, conflicting files. */
  public List<String> warnings() {
    return warnings;
  }

  /** One file as it is, or a folder's {@code *.json} files in path order (which decides conflicts). */
  private static List<Path> files(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new ArchiveException("archive " + path + ": no such file or folder");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
              && Files.isRegularFile(p))
          .sorted(Comparator.comparing(p -> path.relativize(p).toString())).toList();
    } catch (IOException | UncheckedIOException e) {
      throw new ArchiveException("archive " + path + " cannot be read (" + e.getMessage() + ")", e);
    }
    if (files.isEmpty()) {
      throw new ArchiveException("archive " + path + " holds no .json files: save the output of aws sms "
          + "get-replication-jobs, get-replication-runs, ... there (see the README)");
    }
    return files;
  }

  private static String region(Path file, List<String> selected) {
    @Nullable String region = regionFolder(file);
    if (region != null) {
      return region;
    }
    if (selected.size() == 1) {
      return selected.get(0);
    }
    throw new ArchiveException("archive file " + file + ": its Region cannot be told. Put it in a folder "
        + "named after its Region (e.g. us-east-1/" + file.getFileName() + "), or give the one Region all such "
        + "files belong to with region=..." + (selected.isEmpty() ? "" : " (not " + selected.size()
        + " Regions)") + ".");
  }

  /** The nearest enclosing folder named like a Region, or null. */
  static @Nullable String regionFolder(Path file) {
    for (Path p = file.toAbsolutePath().normalize().getParent(); p != null && p.getFileName() != null;
        p = p.getParent()) {
      String name = p.getFileName().toString();
      if (REGION.matcher(name).matches()) {
        return name;
      }
    }
    return null;
  }
}
