package dev.smsjdbc.archive;

import java.nio.file.Path;

/** An archive that cannot be read as it is: the message names the file and says what is wrong with it. */
public final class ArchiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ArchiveException(String message) {
    super(message);
  }

  public ArchiveException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The same failure, named after the file it was found in. */
  static ArchiveException in(Path file, String problem, Throwable cause) {
    return new ArchiveException("archive file " + file + ": " + problem, cause);
  }
}
