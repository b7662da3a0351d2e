package org.apache.calcite.jdbc;

/**
 * Makes {@link CalciteMetaImpl} subclassable from outside its package: its one usable constructor takes the
 * package-private {@code CalciteConnectionImpl}, which only code in this package may name. The subclass is
 * {@code dev.smsjdbc.meta.SmsMeta}; this class adds nothing else.
 *
 * <p>It relies on being loaded by the same class loader as Calcite (one runtime package), which holds for the
 * driver jar, for a class path, and for DBeaver's per-driver class loader.
 */
public abstract class SmsMetaBase extends CalciteMetaImpl {
  protected SmsMetaBase(CalciteConnection connection, CalciteMetaTableFactory metaTableFactory,
      CalciteMetaColumnFactory metaColumnFactory) {
    super((CalciteConnectionImpl) connection, metaTableFactory, metaColumnFactory);
  }
}
