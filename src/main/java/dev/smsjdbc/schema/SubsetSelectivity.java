package dev.smsjdbc.schema;

import com.google.common.collect.ImmutableList;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The selectivity of a filter on a planner subset is that on the subset's best (or first) expression, as
 * Calcite already does for row counts. Calcite has no such handler and guesses instead, so while planning
 * the {@link SmsTable#getSelectivity key selectivity} of the scan below a subset would be lost: a filter on
 * one server would count as 15 servers, and binding their job ids would look dearer than listing every job.
 */
public final class SubsetSelectivity implements MetadataHandler<BuiltInMetadata.Selectivity> {
  /** Calcite's metadata with this handler first; the driver's planner clusters use it. */
  public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(ImmutableList.of(
      ReflectiveRelMetadataProvider.reflectiveSource(new SubsetSelectivity(),
          BuiltInMetadata.Selectivity.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));

  private SubsetSelectivity() {}

  @Override public MetadataDef<BuiltInMetadata.Selectivity> getDef() {
    return BuiltInMetadata.Selectivity.DEF;
  }

  /** Called by Calcite's generated metadata code. */
  public @Nullable Double getSelectivity(RelSubset subset, RelMetadataQuery mq, @Nullable RexNode predicate) {
    return mq.getSelectivity(subset.getBestOrOriginal(), predicate);
  }
}
