/**
 * What every layer shares, the emulator included: the SMS operations ({@link dev.smsjdbc.api.SmsOperation})
 * and how text a server or user chose is quoted in messages and logs ({@link dev.smsjdbc.api.VisibleText}).
 * Depends on nothing else of the project.
 */
package dev.smsjdbc.api;
