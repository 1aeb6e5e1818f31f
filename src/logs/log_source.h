/*
 * log_source.h - private to src/logs: the bytes of one input, plain or
 * gzip, read in large chunks.  Gzip is detected from the magic bytes and
 * inflated with Intel ISA-L when the build has it (about 3x zlib), else
 * with zlib directly (faster than GZlibDecompressor, no GObject per chunk);
 * concatenated members are followed; a truncated stream, corrupt data and a
 * bomb end the input with a flag the reader counts.
 */
#ifndef NFW_LOGS_LOG_SOURCE_H
#define NFW_LOGS_LOG_SOURCE_H

#include <zlib.h>
#ifdef NFW_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include "logs/logs.h"

#define LOG_SOURCE_CHUNK ((gsize)1 << 20)

typedef enum {
    LOG_SOURCE_OK = 0,
    LOG_SOURCE_TRUNCATED, /* gzip ended inside a member */
    LOG_SOURCE_CORRUPT,   /* gzip data error, or garbage after a member */
    LOG_SOURCE_BOMB,      /* inflated beyond LOG_GZIP_MAX_RATIO */
} LogSourceEnd;

typedef struct LogSourcePipe LogSourcePipe;

typedef struct {
    int fd;
    gboolean owns_fd;
    gboolean gzip;
    gboolean raw_eof;
    gboolean done;
    LogSourceEnd end_state;
    z_stream zs; /* zlib's state; next_in/avail_in are the input for both */
    gboolean zs_ready;
#ifdef NFW_HAVE_ISAL
    struct inflate_state *isal; /* NULL: zlib inflates */
#endif
    gboolean member_done;
    guchar *zin;
    gsize zin_cap;
    guint64 bytes_in, bytes_out;
    gint64 limit; /* bytes left to read for a range; -1 none */
    /* Raw bytes read ahead while sniffing a plain input, handed out first. */
    gsize pending_pos, pending_len;
    /* Decode-ahead (log_source_decode_ahead): a thread inflates into a ring
     * of buffers; the fields above are then the consumer's view. */
    LogSourcePipe *pipe;
} LogSource;

/* Opens `path` ("-" = stdin) at byte `start` (plain files only), sniffing
 * gzip when start == 0.  `limit` < 0: read to the end. */
gboolean log_source_open(LogSource *src, const char *path, gint64 start, gint64 limit,
                         GError **error);
/* Reads up to `cap` decoded bytes; 0 at the end (see end_state). */
gssize log_source_read(LogSource *src, char *dst, gsize cap, const char *name, GError **error);
void log_source_close(LogSource *src);
/* For a gzip source: from now on a thread of its own inflates ahead into a
 * few 1 MiB buffers while the caller parses (decompress and parse in
 * parallel).  The bytes, counts and end states read are the same.  Does
 * nothing for plain sources. */
void log_source_decode_ahead(LogSource *src, const char *name);
/* "isa-l" or "zlib": what inflates gzip in this build.  The environment
 * variable NFW_ADVISOR_INFLATE=zlib selects zlib when both are built in
 * (tests run both). */
const char *log_source_inflater(void);

#endif
