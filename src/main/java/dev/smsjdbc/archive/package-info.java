/**
 * SMS history as the AWS CLI and SDKs saved it: reading a folder of {@code aws sms ...} JSON output (or SDK
 * response pages, or boto3 dumps) into one {@link dev.smsjdbc.archive.RegionHistory} per Region, and
 * writing such a folder ({@link dev.smsjdbc.archive.ArchiveWriter}).
 *
 * <p>Depends only on Jackson and the AWS SDK's SMS model, whose member metadata ({@code sdkFields()})
 * says which member is a timestamp, a structure or a list. The emulator builds its data from a
 * {@code RegionHistory}, and the driver's wiring serves it through the emulator; nothing here knows
 * either.
 */
package dev.smsjdbc.archive;
