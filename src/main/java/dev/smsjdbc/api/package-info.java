/** Names shared by the driver and the emulator: the SMS operations. Depends on nothing else of the project. */
package dev.smsjdbc.api;
