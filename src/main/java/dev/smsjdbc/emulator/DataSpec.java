package dev.smsjdbc.emulator;

/**
 * What {@link EmulatorData#generate(DataSpec)} makes: a seed and how many of each resource. Written as
 * {@code DataSpec.seed(3).jobs(120).runsPerJob(7).servers(5)}; counts not given are 0.
 *
 * @param seed seed of the pseudo-random choices
 * @param jobs number of replication jobs
 * @param runsPerJob number of runs of each job
 * @param servers number of servers in the catalog
 * @param connectors number of connectors (and of VM managers)
 * @param apps number of applications
 */
public record DataSpec(long seed, int jobs, int runsPerJob, int servers, int connectors, int apps) {
  public DataSpec {
    if (jobs < 0 || runsPerJob < 0 || servers < 0 || connectors < 0 || apps < 0) {
      throw new IllegalArgumentException("counts must not be negative: " + this);
    }
  }

  public static DataSpec seed(long seed) {
    return new DataSpec(seed, 0, 0, 0, 0, 0);
  }

  public DataSpec jobs(int n) {
    return new DataSpec(seed, n, runsPerJob, servers, connectors, apps);
  }

  public DataSpec runsPerJob(int n) {
    return new DataSpec(seed, jobs, n, servers, connectors, apps);
  }

  public DataSpec servers(int n) {
    return new DataSpec(seed, jobs, runsPerJob, n, connectors, apps);
  }

  public DataSpec connectors(int n) {
    return new DataSpec(seed, jobs, runsPerJob, servers, n, apps);
  }

  public DataSpec apps(int n) {
    return new DataSpec(seed, jobs, runsPerJob, servers, connectors, n);
  }
}
