package dev.smsjdbc.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.function.Predicate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark 3.5's JDBC source in {@code local[2]}, the driver added as {@code spark-submit --jars} adds it: the all
 * jar in a class loader under Spark's (Spark's classes first) that is the context class loader, and in
 * {@code spark.jars} for the executors ({@link SparkDriverClassPathIT}: on the class path, before Spark's). Every read gives the rows plain JDBC gives; API calls are printed.
 */
class SparkIT {
  private static final Path JAR = Path.of(System.getProperty("smsjdbc.allJar"));
  private static final Path WORK = Path.of(System.getProperty("smsjdbc.sparkWork"));
  private static final String DRIVER = "dev.smsjdbc.jdbc.SmsDriver";
  private static final String RUNS_BY_VM = "SELECT j.vm_name, r.state, COUNT(*) FROM replication_runs r "
      + "JOIN replication_jobs j ON j.replication_job_id = r.replication_job_id GROUP BY j.vm_name, r.state";

  private static JarOnly jar;
  private static URLClassLoader jarsLoader;
  private static SparkSession spark;
  private static String url;
  private static String twoRegions;

  @BeforeAll static void start() throws Exception {
    assertEquals("America/Los_Angeles", TimeZone.getDefault().getID());
    jar = new JarOnly(JAR, "--seed", "11", "--jobs", "30", "--runs-per-job", "4", "--servers", "4",
        "--connectors", "1", "--apps", "1", "--page-cap", "10");
    url = jar.url("region=us-east-1");
    twoRegions = jar.url("regions=us-east-1,eu-west-1");
    if (!onClassPath()) {
      jarsLoader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, SparkIT.class.getClassLoader());
      Thread.currentThread().setContextClassLoader(jarsLoader);
    }
    Files.createDirectories(WORK);
    spark = SparkSession.builder().master("local[2]").appName("sms-jdbc SparkIT")
        .config("spark.jars", JAR.toUri().toString())
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.warehouse.dir", WORK.resolve("warehouse").toString())
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
  }

  @AfterAll static void stop() throws Exception {
    if (spark != null) {
      spark.stop();
    }
    if (jarsLoader != null) {
      jarsLoader.close();
    }
    jar.close();
  }

  /** Whether the driver is on the JVM's class path ({@code --driver-class-path}), not added as a jar. */
  static boolean onClassPath() {
    try {
      Class.forName(DRIVER, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @BeforeEach void reset() throws Exception {
    jar.resetCounters();
  }

  @Test void dbtableReadsTheTable() throws Exception {
    Dataset<Row> jobs = read(url).option("dbtable", "replication_jobs").load();
    assertSame("dbtable", jobs, jar.rows(url, "SELECT * FROM replication_jobs"));
  }

  @Test void queryPushesTheWholeJoinToTheDriver() throws Exception {
    Dataset<Row> runs = read(url).option("query", RUNS_BY_VM).load();
    assertSame("query (join + GROUP BY in the driver)", runs, jar.rows(url, RUNS_BY_VM));
  }

  /** One partition per Region: each reads only its Region, so the partitions cost what one query costs. */
  @Test void predicatesByRegionReadEachRegionOnce() throws Exception {
    Properties props = new Properties();
    props.setProperty("driver", DRIVER);
    Dataset<Row> jobs = spark.read().jdbc(twoRegions, "replication_jobs",
        new String[] {"region = 'us-east-1'", "region = 'eu-west-1'"}, props);
    assertEquals(2, jobs.rdd().getNumPartitions());
    int calls = assertSame("predicates by Region (2 partitions)", jobs,
        jar.rows(twoRegions, "SELECT * FROM replication_jobs"));
    jar.resetCounters();
    jar.rows(twoRegions, "SELECT * FROM replication_jobs");
    assertEquals(jar.calls(), calls, "the calls of one plain query over both Regions");
  }

  /** Spark's numeric partitions: each partition is a query of its own, and each lists every page. */
  @Test void partitionColumnSplitsByRange() throws Exception {
    Dataset<Row> jobs = read(url).option("dbtable", "replication_jobs").option("partitionColumn", "frequency")
        .option("lowerBound", "0").option("upperBound", "24").option("numPartitions", "4").load();
    assertEquals(4, jobs.rdd().getNumPartitions());
    assertSame("partitionColumn (4 partitions)", jobs, jar.rows(url, "SELECT * FROM replication_jobs"));
  }

  @Test void sparkSideJoinAndAggregateWrittenToParquet() throws Exception {
    Dataset<Row> runs = read(url).option("dbtable", "replication_runs").load()
        .select("replication_job_id", "state");
    Dataset<Row> jobs = read(url).option("dbtable", "replication_jobs").load()
        .select("replication_job_id", "vm_name");
    Path parquet = WORK.resolve("runs-by-vm.parquet");
    long start = System.nanoTime();
    runs.join(jobs, "replication_job_id").groupBy("vm_name", "state").count()
        .write().mode("overwrite").parquet(parquet.toString());
    report("join + aggregate in Spark, to Parquet", System.nanoTime() - start);
    assertEquals(jar.rows(url, RUNS_BY_VM), Rows.of(spark.read().parquet(parquet.toString())));
  }

  /** Spark writes a pushed timestamp in the JVM zone (here Los Angeles): it must find the same rows. */
  @Test void pushedTimestampFiltersFindTheRowsInTheJvmZone() throws Exception {
    Dataset<Row> jobs = read(url).option("dbtable", "replication_jobs").load();
    Timestamp seed = jobs.filter(col("seed_replication_time").isNotNull()).orderBy("replication_job_id")
        .first().getAs("seed_replication_time");
    List<Instant> all = jobs.select("seed_replication_time").collectAsList().stream()
        .map(r -> r.isNullAt(0) ? null : r.getTimestamp(0).toInstant()).toList();
    Dataset<Row> equal = jobs.filter(col("seed_replication_time").equalTo(lit(seed)));
    Dataset<Row> notBefore = jobs.filter(col("seed_replication_time").geq(lit(seed)));
    assertPushed(equal, "EqualTo(seed_replication_time");
    assertPushed(notBefore, "GreaterThanOrEqual(seed_replication_time");
    assertEquals(count(all, i -> i.equals(seed.toInstant())), equal.count(), "= " + seed);
    assertEquals(count(all, i -> !i.isBefore(seed.toInstant())), notBefore.count(), ">= " + seed);
  }

  private static org.apache.spark.sql.DataFrameReader read(String jdbcUrl) {
    return spark.read().format("jdbc").option("url", jdbcUrl).option("driver", DRIVER);
  }

  /** Asserts Spark's rows are plain JDBC's, prints the scenario's API calls and time; returns the calls. */
  private static int assertSame(String scenario, Dataset<Row> rows, List<String> expected) throws Exception {
    jar.resetCounters();
    long start = System.nanoTime();
    List<String> actual = Rows.of(rows);
    int calls = report(scenario, System.nanoTime() - start);
    assertEquals(expected, actual, scenario);
    assertTrue(!actual.isEmpty(), scenario);
    return calls;
  }

  private static int report(String scenario, long nanos) throws Exception {
    int calls = jar.calls();
    System.out.printf("Spark %s %-45s %3d API calls (GetReplicationJobs %d, GetReplicationRuns %d) in %.2f s%n",
        onClassPath() ? "--driver-class-path" : "--jars", scenario + ":", calls, jar.calls("GetReplicationJobs"), jar.calls("GetReplicationRuns"), nanos / 1e9);
    return calls;
  }

  private static void assertPushed(Dataset<Row> rows, String filter) {
    String plan = rows.queryExecution().executedPlan().toString();
    assertTrue(plan.contains("PushedFilters: [") && plan.contains(filter), plan);
  }

  private static long count(List<Instant> values, Predicate<Instant> test) {
    return values.stream().filter(v -> v != null && test.test(v)).count();
  }
}
