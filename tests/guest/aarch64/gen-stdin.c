/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Standard input: reads gen-stdin.stdin line by line with fgets, counts
 * lines, words and bytes like wc, reverses each line, sums the numbers it
 * finds, and finally checks that read(2) at end of file returns 0.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    char line[1024];
    unsigned lines = 0, words = 0, bytes = 0;
    long long numbers = 0;

    while (fgets(line, sizeof(line), stdin)) {
        size_t len = strlen(line);
        bytes += (unsigned)len;
        lines++;
        int in_word = 0;
        for (size_t i = 0; i < len; i++) {
            if (isspace((unsigned char)line[i])) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                words++;
            }
        }
        for (char *p = line; *p; p++) {
            if (isdigit((unsigned char)*p) &&
                (p == line || !isalnum((unsigned char)p[-1]))) {
                char *end;
                numbers += strtoll(p, &end, 10);
                p = end - 1;
            }
        }
        if (len && line[len - 1] == '\n')
            line[--len] = 0;
        for (size_t i = 0; i < len / 2; i++) {
            char t = line[i];
            line[i] = line[len - 1 - i];
            line[len - 1 - i] = t;
        }
        printf("%3u: %s\n", lines, line);
    }
    char c;
    ssize_t r = read(0, &c, 1);
    printf("%u lines, %u words, %u bytes, numbers sum %lld, read at eof %zd\n",
           lines, words, bytes, numbers, r);
    return 0;
}
