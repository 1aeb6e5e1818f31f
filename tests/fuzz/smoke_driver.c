/*
 * smoke_driver.c - replays fuzz inputs without libFuzzer: calls
 * LLVMFuzzerTestOneInput() once per file of each directory (sorted) or
 * file given on the command line.  Built with any compiler, so normal CI
 * (suite fuzz-smoke) runs every seed and every regression input through
 * the target; under the sanitizer build it is a short fuzzing-free check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "fuzz.h"

static int
run_file(const char *path)
{
    char *data = NULL;
    gsize len = 0;
    GError *error = NULL;
    if (!g_file_get_contents(path, &data, &len, &error)) {
        fprintf(stderr, "%s\n", error->message);
        g_error_free(error);
        return 1;
    }
    /* An exact-size copy: like libFuzzer, no NUL after the last byte. */
    uint8_t *copy = g_memdup2(data, len);
    g_free(data);
    LLVMFuzzerTestOneInput(copy, len);
    g_free(copy);
    return 0;
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
run_dir(const char *path, int *count)
{
    GError *error = NULL;
    GDir *dir = g_dir_open(path, 0, &error);
    if (!dir) {
        fprintf(stderr, "%s\n", error->message);
        g_error_free(error);
        return 1;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(dir)))
        if (name[0] != '.')
            g_ptr_array_add(names, g_build_filename(path, name, NULL));
    g_dir_close(dir);
    g_ptr_array_sort(names, compare_names);
    int failed = 0;
    for (guint i = 0; i < names->len; i++) {
        failed |= run_file(names->pdata[i]);
        (*count)++;
    }
    g_ptr_array_unref(names);
    return failed;
}

int
main(int argc, char **argv)
{
    int failed = 0, count = 0;
    for (int i = 1; i < argc; i++) {
        if (g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
            failed |= run_dir(argv[i], &count);
        } else if (g_file_test(argv[i], G_FILE_TEST_EXISTS)) {
            failed |= run_file(argv[i]);
            count++;
        }
    }
    printf("%d inputs replayed\n", count);
    return failed;
}
