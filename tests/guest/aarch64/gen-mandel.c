/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Mandelbrot set in single precision: a 78x36 character picture of
 * escape times (iteration limit 200) and the total iteration count, then
 * a finer 200x150 grid near the boundary summed by rows.  Float multiply, add, compare and
 * float/int conversions in a loop whose trip count depends on each
 * result's exact rounding, so any FP difference shows.  Built with
 * -ffp-contract=off (gen-mandel.cflags) so both builds round alike.
 */
#include <stdint.h>
#include <stdio.h>

static int escape(float cr, float ci, int limit)
{
    float zr = 0, zi = 0;
    int n = 0;
    while (n < limit) {
        float zr2 = zr * zr, zi2 = zi * zi;
        if (zr2 + zi2 > 4.0f)
            break;
        zi = 2.0f * zr * zi + ci;
        zr = zr2 - zi2 + cr;
        n++;
    }
    return n;
}

int main(void)
{
    static const char shades[] = " .:-=+*#%@";
    const int w = 78, h = 36, limit = 200;
    long total = 0;

    for (int y = 0; y < h; y++) {
        char line[80];
        for (int x = 0; x < w; x++) {
            float cr = -2.2f + 3.0f * (float)x / (float)w;
            float ci = -1.2f + 2.4f * (float)y / (float)h;
            int n = escape(cr, ci, limit);
            total += n;
            line[x] = n == limit ? '@' : shades[n % 9];
        }
        line[w] = 0;
        printf("%s\n", line);
    }
    printf("picture iterations: %ld\n", total);

    uint32_t rows = 0;
    long fine = 0;
    for (int y = 0; y < 150; y++) {
        long row = 0;
        for (int x = 0; x < 200; x++)
            row += escape(-0.8f + 0.002f * (float)x, 0.05f + 0.002f * (float)y, 300);
        fine += row;
        rows = rows * 31 + (uint32_t)row;
    }
    printf("fine grid: %ld iterations, row hash %08x\n", fine, (unsigned)rows);
    return 0;
}
