/*
 * test_json_writer.c - the streaming JSON writer (src/base) writes the bytes
 * base_json_print() writes for the same document: hostile strings, numbers,
 * empty and nested containers.  The commands that moved to the writer
 * (expand --format json) must not change a byte of their output.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/base.h"

static const char *const strings[] = {
    "plain",
    "",
    "quote \" backslash \\ slash /",
    "\b\f\n\r\t\x01\x1f",
    "del \x7f c1 \xc2\x85 csi \xc2\x9b nbsp \xc2\xa0",
    "invalid \xff\xfe utf-8 \xc3",
    "emoji \xf0\x9f\x94\xa5 bidi \xe2\x80\xae",
    NULL,
};

static const double numbers[] = {
    0, -1, 1.5, 1e300, 0.1, 9007199254740992.0, 4294967296.0, -0.0, 1.0 / 3, 123456789012345678.0
};

static char *
with_tree(void)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON *arr = cJSON_AddArrayToObject(doc, "strings");
    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++)
        cJSON_AddItemToArray(arr, base_json_string(strings[i]));
    cJSON *nums = cJSON_AddArrayToObject(doc, "numbers");
    for (gsize i = 0; i < G_N_ELEMENTS(numbers); i++)
        cJSON_AddItemToArray(nums, cJSON_CreateNumber(numbers[i]));
    cJSON_AddItemToArray(nums, cJSON_CreateNumber(NAN));
    cJSON *objs = cJSON_AddArrayToObject(doc, "objects");
    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "s", base_json_string(strings[i]));
        cJSON_AddNumberToObject(o, "n", numbers[i]);
        cJSON_AddBoolToObject(o, "b", i % 2);
        cJSON_AddItemToObject(o, "empty", cJSON_CreateObject());
        cJSON_AddItemToObject(o, "none", cJSON_CreateArray());
        cJSON *inner = cJSON_AddArrayToObject(o, "inner");
        cJSON_AddItemToArray(inner, cJSON_CreateArray());
        cJSON *io = cJSON_CreateObject();
        cJSON_AddStringToObject(io, "k", "v");
        cJSON_AddItemToArray(inner, io);
        cJSON_AddItemToArray(objs, o);
    }
    cJSON_AddItemToObject(doc, "last", cJSON_CreateObject());
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    base_json_print(f, doc);
    fclose(f);
    return buf;
}

static char *
with_writer(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    BaseJsonWriter w;
    base_json_writer_init(&w, f);
    base_json_begin_object(&w, NULL);
    base_json_begin_array(&w, "strings");
    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++)
        base_json_write_string(&w, NULL, strings[i]);
    base_json_end(&w);
    base_json_begin_array(&w, "numbers");
    for (gsize i = 0; i < G_N_ELEMENTS(numbers); i++)
        base_json_write_number(&w, NULL, numbers[i]);
    base_json_write_number(&w, NULL, NAN);
    base_json_end(&w);
    base_json_begin_array(&w, "objects");
    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++) {
        base_json_begin_object(&w, NULL);
        base_json_write_string(&w, "s", strings[i]);
        base_json_write_number(&w, "n", numbers[i]);
        base_json_write_bool(&w, "b", i % 2);
        base_json_begin_object(&w, "empty");
        base_json_end(&w);
        base_json_begin_array(&w, "none");
        base_json_end(&w);
        base_json_begin_array(&w, "inner");
        base_json_begin_array(&w, NULL);
        base_json_end(&w);
        base_json_begin_object(&w, NULL);
        base_json_write_string(&w, "k", "v");
        base_json_end(&w);
        base_json_end(&w);
        base_json_end(&w);
    }
    base_json_end(&w);
    base_json_begin_object(&w, "last");
    base_json_end(&w);
    base_json_end(&w);
    fclose(f);
    return buf;
}

static void
test_same_bytes(void)
{
    char *a = with_tree();
    char *b = with_writer();
    g_assert_cmpstr(b, ==, a);
    g_assert_nonnull(strstr(a, "\\u009b")); /* the C1 pass ran */
    free(a);
    free(b);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/base/json-writer/same-bytes", test_same_bytes);
    return g_test_run();
}
