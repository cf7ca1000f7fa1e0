package org.ctdc.deid.audit.internal;

import java.util.Arrays;
import java.util.List;
import org.ctdc.deid.audit.TableAuditException;
import org.ctdc.schema.internal.Shown;

/**
 * The additivity equations with at least one free cell, in compressed sparse rows: equation k is
 * {@code sum over p in [start[k], start[k+1]) of coef[p] * x[var[p]] = rhs[k]}, coefficients +1 (the
 * parent) and -1 (its children along one dimension), published cells moved to the right-hand side. Not
 * thread-safe while built; read-only afterwards.
 */
final class Equations {
  int count;
  int[] start = new int[1025];
  int[] var = new int[4096];
  byte[] coef = new byte[4096];
  double[] rhs = new double[1025];
  private int nnz;

  private Equations() {}

  static Equations build(UnionSpace space, double[] fixed, double tol) {
    Equations e = new Equations();
    int dims = space.dims.size();
    int[] co = new int[dims];
    int[] buf = new int[16];
    byte[] cbuf = new byte[16];
    for (int cell = 0; cell < space.size; cell++) {
      if (cell > 0) {
        for (int u = dims - 1; u >= 0; u--) {
          if (++co[u] < space.radix[u]) {
            break;
          }
          co[u] = 0;
        }
      }
      for (int u = 0; u < dims; u++) {
        List<int[]> lists = space.dims.get(u).children.get(co[u]);
        for (int[] ch : lists) {
          if (buf.length < ch.length + 1) {
            buf = new int[ch.length + 1];
            cbuf = new byte[ch.length + 1];
          }
          int nf = 0;
          double r = 0;
          double mag = 0;
          for (int i = -1; i < ch.length; i++) {
            int c = i < 0 ? cell : cell + (ch[i] - co[u]) * space.stride[u];
            byte s = (byte) (i < 0 ? 1 : -1);
            if (Double.isNaN(fixed[c])) {
              buf[nf] = c;
              cbuf[nf] = s;
              nf++;
            } else {
              r -= s * fixed[c];
              mag = Math.max(mag, fixed[c]);
            }
          }
          if (nf == 0) {
            if (Math.abs(r) > tol + 1e-9 * mag) {
              throw new TableAuditException("published tables are not additive: cell " + space.describe(cell)
                  + " is not the sum of its children along dimension '" + Shown.name(space.dims.get(u).name) + "'");
            }
            continue;
          }
          e.add(buf, cbuf, nf, r);
        }
      }
    }
    return e;
  }

  private void add(int[] vars, byte[] coefs, int n, double r) {
    if (count + 2 >= start.length) {
      start = Arrays.copyOf(start, start.length * 2);
      rhs = Arrays.copyOf(rhs, rhs.length * 2);
    }
    if (nnz + n > var.length) {
      int cap = Math.max(var.length * 2, nnz + n);
      var = Arrays.copyOf(var, cap);
      coef = Arrays.copyOf(coef, cap);
    }
    System.arraycopy(vars, 0, var, nnz, n);
    System.arraycopy(coefs, 0, coef, nnz, n);
    nnz += n;
    rhs[count] = r;
    count++;
    start[count] = nnz;
  }
}
