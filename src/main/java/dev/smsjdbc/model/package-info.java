/**
 * The SMS API model as the AWS SDK's member metadata ({@code sdkFields()}) describes it, and what value
 * each member allows on the wire: {@link dev.smsjdbc.model.ModelShape}. Both saved history (the archive's
 * {@code Shape}) and live answers ({@link dev.smsjdbc.model.WireCheck}, before the SDK parses them) are
 * checked against it, so that the two agree on what SMS can send.
 *
 * <p>Depends only on Jackson, the SDK's model classes and {@code api}.
 */
package dev.smsjdbc.model;
