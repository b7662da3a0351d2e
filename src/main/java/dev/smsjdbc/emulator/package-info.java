/**
 * A local emulator of AWS Server Migration Service (SMS), for tests and demos of the driver.
 *
 * <p>AWS has discontinued SMS, so there is no service left to test against. {@link
 * dev.smsjdbc.emulator.SmsEmulator} serves the SMS read operations over HTTP exactly as the
 * service model ({@code sms-2016-10-24}) describes them: AWS JSON 1.1, SigV4-signed requests,
 * paginated lists with tamper-proof {@code nextToken}s, and the service's error codes. The real AWS
 * SDK and the AWS CLI work against it unchanged.
 *
 * <p>{@link dev.smsjdbc.emulator.EmulatorData} holds what it serves, in wire form; it is loaded
 * from JSON, generated from a seed, or the curated demo set. {@link dev.smsjdbc.emulator.Faults}
 * injects latency, throttling and server faults at run time.
 */
package dev.smsjdbc.emulator;
