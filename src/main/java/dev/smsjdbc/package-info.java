/** sms-jdbc: a JDBC driver for AWS Server Migration Service, built on Apache Calcite. */
package dev.smsjdbc;
