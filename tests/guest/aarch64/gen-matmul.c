/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Double-precision matrix multiply, 72x72, three ways: i-j-k with a
 * scalar accumulator, i-k-j streaming rows (which the -O2 build
 * vectorises), and blocked over 24x24 tiles, plus the transpose identity
 * (AB)^T = B^T A^T.  Every variant adds the same products in the same
 * order, so all must agree bit for bit.  Built with -ffp-contract=off
 * (gen-matmul.cflags) so the -O0 and -O2 builds round identically; fused
 * multiply-add is left to the fp-* tests.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 72
#define TILE 24

static double a[N][N], b[N][N], c1[N][N], c2[N][N], c3[N][N];
static double at[N][N], bt[N][N], ct[N][N];

static void init(void)
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            a[i][j] = (double)((i * 7 + j * 3) % 17 - 8) / 3.0 + 1e-3 * i;
            b[i][j] = (double)((i * 5 + j * 11) % 13 - 6) * 0.7 - 1e-4 * j;
            at[j][i] = a[i][j];
            bt[j][i] = b[i][j];
        }
    }
}

static void mul_ijk(double (*r)[N], double (*x)[N], double (*y)[N])
{
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            double s = 0;
            for (int k = 0; k < N; k++)
                s += x[i][k] * y[k][j];
            r[i][j] = s;
        }
    }
}

static void mul_ikj(double (*r)[N], double (*x)[N], double (*y)[N])
{
    memset(r, 0, sizeof(double) * N * N);
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++) {
            double xik = x[i][k];
            for (int j = 0; j < N; j++)
                r[i][j] += xik * y[k][j];
        }
}

static void mul_tiled(double (*r)[N], double (*x)[N], double (*y)[N])
{
    memset(r, 0, sizeof(double) * N * N);
    for (int kk = 0; kk < N; kk += TILE)
        for (int ii = 0; ii < N; ii += TILE)
            for (int jj = 0; jj < N; jj += TILE)
                for (int i = ii; i < ii + TILE; i++)
                    for (int k = kk; k < kk + TILE; k++)
                        for (int j = jj; j < jj + TILE; j++)
                            r[i][j] += x[i][k] * y[k][j];
}

static uint64_t hash_matrix(double (*m)[N])
{
    uint64_t h = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            uint64_t u;
            memcpy(&u, &m[i][j], 8);
            h = (h ^ u) * 0x100000001b3ull;
        }
    return h;
}

int main(void)
{
    init();
    mul_ijk(c1, a, b);
    mul_ikj(c2, a, b);
    mul_tiled(c3, a, b);
    mul_ijk(ct, bt, at);

    int transposed_ok = 1;
    double trace = 0, maxabs = 0;
    for (int i = 0; i < N; i++) {
        trace += c1[i][i];
        for (int j = 0; j < N; j++) {
            if (ct[j][i] != c1[i][j])
                transposed_ok = 0;
            double v = c1[i][j] < 0 ? -c1[i][j] : c1[i][j];
            if (v > maxabs)
                maxabs = v;
        }
    }
    printf("ijk   %016llx\n", (unsigned long long)hash_matrix(c1));
    printf("ikj   %016llx\n", (unsigned long long)hash_matrix(c2));
    printf("tiled %016llx\n", (unsigned long long)hash_matrix(c3));
    printf("agree: %s, transpose identity: %s\n",
           memcmp(c1, c2, sizeof(c1)) == 0 && memcmp(c1, c3, sizeof(c1)) == 0
               ? "yes" : "no",
           transposed_ok ? "yes" : "no");
    printf("trace %.17g max |c| %.17g\n", trace, maxabs);
    for (int i = 0; i < N; i += 17)
        printf("c[%d][%d] = %.17g\n", i, N - 1 - i, c1[i][N - 1 - i]);
    return 0;
}
