/*
 * log_source.c - bytes of one input: plain read(2) in 1 MiB chunks, or
 * gzip inflate (ISA-L's isal_inflate, or zlib's inflate; concatenated
 * members) from a 1 MiB input buffer into the caller's buffer, so decoded
 * bytes are written once.  Both inflaters see the same input through
 * zs.next_in/avail_in and report the same three outcomes (bytes, end of a
 * member, bad data), so the member, padding, truncation and bomb logic is
 * one.  ISA-L checks each member's CRC-32 and length as zlib does.
 *
 * Ends that are not clean are states, not errors: a truncated gzip keeps
 * what inflated so far and sets LOG_SOURCE_TRUNCATED; the reader counts it
 * as a skip naming the file.  Zero padding after the last member is
 * accepted (some tools pad); other trailing bytes are corrupt.  The bomb
 * guard trips when the output passes 256 MiB and LOG_GZIP_MAX_RATIO times
 * the compressed bytes read.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "logs/log_source.h"

#define BOMB_FLOOR ((guint64)256 << 20)

static gssize
read_fd(LogSource *src, void *dst, gsize cap, const char *name, GError **error)
{
    if (src->limit >= 0 && (guint64)src->limit < cap)
        cap = (gsize)src->limit;
    if (cap == 0)
        return 0;
    for (;;) {
        gssize n = read(src->fd, dst, cap);
        if (n >= 0) {
            src->bytes_in += (guint64)n;
            if (src->limit >= 0)
                src->limit -= n;
            return n;
        }
        if (errno == EINTR)
            continue;
        g_set_error(error, LOG_ERROR, LOG_ERROR_READ, "%s: read error: %s", name,
                    g_strerror(errno));
        return -1;
    }
}

gboolean
log_source_open(LogSource *src, const char *path, gint64 start, gint64 limit, GError **error)
{
    memset(src, 0, sizeof *src);
    src->limit = limit;
    if (strcmp(path, "-") == 0) {
        src->fd = 0;
    } else {
        src->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (src->fd < 0) {
            g_set_error(error, LOG_ERROR, LOG_ERROR_OPEN, "%s: cannot open: %s", path,
                        g_strerror(errno));
            return FALSE;
        }
        src->owns_fd = TRUE;
#ifdef POSIX_FADV_SEQUENTIAL
        posix_fadvise(src->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
        if (start > 0 && lseek(src->fd, start, SEEK_SET) < 0) {
            g_set_error(error, LOG_ERROR, LOG_ERROR_OPEN, "%s: cannot seek: %s", path,
                        g_strerror(errno));
            log_source_close(src);
            return FALSE;
        }
    }
    src->zin_cap = LOG_SOURCE_CHUNK;
    src->zin = g_malloc(src->zin_cap);
    if (start > 0)
        return TRUE;
    /* Sniff: read the first bytes; keep them as pending plain data or as
   * the first gzip input. */
    gsize have = 0;
    while (have < 2) {
        gssize n = read_fd(src, src->zin + have, src->zin_cap - have, path, error);
        if (n < 0) {
            log_source_close(src);
            return FALSE;
        }
        if (n == 0) {
            src->raw_eof = TRUE;
            break;
        }
        have += (gsize)n;
    }
    if (have >= 2 && src->zin[0] == 0x1f && src->zin[1] == 0x8b) {
        src->gzip = TRUE;
#ifdef NFW_HAVE_ISAL
        if (strcmp(log_source_inflater(), "isa-l") == 0) {
            src->isal = g_new(struct inflate_state, 1);
            isal_inflate_init(src->isal);
            src->isal->crc_flag = ISAL_GZIP;
        }
        if (src->isal == NULL)
#endif
        {
            if (inflateInit2(&src->zs, 16 + MAX_WBITS) != Z_OK) {
                g_set_error(error, LOG_ERROR, LOG_ERROR_READ, "%s: zlib init failed", path);
                log_source_close(src);
                return FALSE;
            }
            src->zs_ready = TRUE;
        }
        src->zs.next_in = src->zin;
        src->zs.avail_in = (uInt)have;
    } else {
        src->pending_pos = 0;
        src->pending_len = have;
    }
    return TRUE;
}

const char *
log_source_inflater(void)
{
#ifdef NFW_HAVE_ISAL
    const char *want = g_getenv("NFW_ADVISOR_INFLATE");
    return want && strcmp(want, "zlib") == 0 ? "zlib" : "isa-l";
#else
    return "zlib";
#endif
}

typedef enum { INFL_OK, INFL_MEMBER_END, INFL_BAD } InflateStatus;

/* Inflates from zs.next_in/avail_in into dst; *produced bytes written. */
static InflateStatus
inflate_some(LogSource *src, char *dst, gsize cap, gsize *produced)
{
    uInt out_cap = (uInt)MIN(cap, (gsize)G_MAXUINT32);
#ifdef NFW_HAVE_ISAL
    if (src->isal) {
        struct inflate_state *st = src->isal;
        st->next_in = src->zs.next_in;
        st->avail_in = src->zs.avail_in;
        st->next_out = (uint8_t *)dst;
        st->avail_out = out_cap;
        int ret = isal_inflate(st);
        src->zs.next_in = st->next_in;
        src->zs.avail_in = st->avail_in;
        *produced = (gsize)((char *)st->next_out - dst);
        if (ret < 0 || ret == ISAL_NEED_DICT)
            return INFL_BAD;
        /* At the end of a member ISA-L gives back the input it had buffered
         * past the trailer, so the next member starts at next_in. */
        return st->block_state == ISAL_BLOCK_FINISH ? INFL_MEMBER_END : INFL_OK;
    }
#endif
    src->zs.next_out = (Bytef *)dst;
    src->zs.avail_out = out_cap;
    int ret = inflate(&src->zs, Z_NO_FLUSH);
    *produced = (gsize)((char *)src->zs.next_out - dst);
    if (ret == Z_STREAM_END)
        return INFL_MEMBER_END;
    return ret == Z_OK || ret == Z_BUF_ERROR ? INFL_OK : INFL_BAD;
}

static void
inflate_next_member(LogSource *src)
{
#ifdef NFW_HAVE_ISAL
    if (src->isal) {
        isal_inflate_reset(src->isal);
        src->isal->crc_flag = ISAL_GZIP;
        return;
    }
#endif
    inflateReset(&src->zs);
}

static gssize
gzip_read(LogSource *src, char *dst, gsize cap, const char *name, GError **error)
{
    for (;;) {
        if (src->zs.avail_in == 0 && !src->raw_eof) {
            gssize n = read_fd(src, src->zin, src->zin_cap, name, error);
            if (n < 0)
                return -1;
            if (n == 0)
                src->raw_eof = TRUE;
            src->zs.next_in = src->zin;
            src->zs.avail_in = (uInt)n;
        }
        if (src->member_done) {
            while (src->zs.avail_in > 0 && *src->zs.next_in == 0) {
                src->zs.next_in++;
                src->zs.avail_in--;
            }
            if (src->zs.avail_in == 0) {
                if (src->raw_eof) {
                    src->done = TRUE;
                    return 0;
                }
                continue;
            }
            if (*src->zs.next_in != 0x1f) {
                src->end_state = LOG_SOURCE_CORRUPT;
                src->done = TRUE;
                return 0;
            }
            inflate_next_member(src);
            src->member_done = FALSE;
        }
        gsize produced;
        InflateStatus ret = inflate_some(src, dst, cap, &produced);
        if (ret == INFL_OK && produced == 0 && src->zs.avail_in == 0 && src->raw_eof) {
            /* Inflated all it could (ISA-L may hold the last input bytes in
             * its bit buffer, so the input running out is not yet the end):
             * the member never finished. */
            src->end_state = LOG_SOURCE_TRUNCATED;
            src->done = TRUE;
            return 0;
        }
        if (ret == INFL_MEMBER_END) {
            src->member_done = TRUE;
        } else if (ret == INFL_BAD) {
            src->end_state = LOG_SOURCE_CORRUPT;
            src->done = TRUE;
            src->bytes_out += produced;
            return (gssize)produced;
        }
        src->bytes_out += produced;
        if (src->bytes_out > BOMB_FLOOR && src->bytes_out / LOG_GZIP_MAX_RATIO > src->bytes_in) {
            src->end_state = LOG_SOURCE_BOMB;
            src->done = TRUE;
            return 0;
        }
        if (produced > 0)
            return (gssize)produced;
    }
}

/* ---- decode-ahead -------------------------------------------------------
 * One producer (the inflating thread), one consumer (the reader), a ring of
 * PIPE_SLOTS buffers.  A slot carries the producer's counters and end state
 * as they were after filling it, so the consumer sees exactly what a direct
 * read would have shown at that point. */

#define PIPE_SLOTS 4

typedef struct {
    char *buf;
    gsize len, pos;
    guint64 bytes_in, bytes_out;
    LogSourceEnd end_state;
    gboolean done;
    char *error; /* a read error's message, to be raised after the bytes */
} PipeSlot;

struct LogSourcePipe {
    LogSource inner; /* the producer's own source */
    char *name;
    GThread *thread;
    GMutex lock;
    GCond cond;
    PipeSlot slots[PIPE_SLOTS];
    guint head, count; /* consumer's slot, filled slots */
    gboolean stop;     /* consumer closed: producer quits */
};

static gpointer
pipe_run(gpointer data)
{
    LogSourcePipe *p = data;
    guint tail = 0;
    for (;;) {
        g_mutex_lock(&p->lock);
        while (p->count == PIPE_SLOTS && !p->stop)
            g_cond_wait(&p->cond, &p->lock);
        gboolean stop = p->stop;
        g_mutex_unlock(&p->lock);
        if (stop)
            return NULL;
        PipeSlot *slot = &p->slots[tail];
        GError *error = NULL;
        gssize n = log_source_read(&p->inner, slot->buf, LOG_SOURCE_CHUNK, p->name, &error);
        slot->len = n > 0 ? (gsize)n : 0;
        slot->pos = 0;
        slot->bytes_in = p->inner.bytes_in;
        slot->bytes_out = p->inner.bytes_out;
        slot->end_state = p->inner.end_state;
        slot->done = n <= 0;
        slot->error = error ? g_strdup(error->message) : NULL;
        g_clear_error(&error);
        g_mutex_lock(&p->lock);
        p->count++;
        g_cond_signal(&p->cond);
        g_mutex_unlock(&p->lock);
        if (n <= 0)
            return NULL;
        tail = (tail + 1) % PIPE_SLOTS;
    }
}

void
log_source_decode_ahead(LogSource *src, const char *name)
{
    if (!src->gzip || src->pipe != NULL || src->done)
        return;
    LogSourcePipe *p = g_new0(LogSourcePipe, 1);
    p->inner = *src; /* the producer takes the stream over */
    if (src->zs_ready) {
        /* zlib's state points back at its z_stream: copy it properly. */
        if (inflateCopy(&p->inner.zs, &src->zs) != Z_OK) {
            g_free(p);
            return; /* out of memory: inflate in this thread */
        }
        inflateEnd(&src->zs);
    }
    p->name = g_strdup(name);
    g_mutex_init(&p->lock);
    g_cond_init(&p->cond);
    for (guint i = 0; i < PIPE_SLOTS; i++)
        p->slots[i].buf = g_malloc(LOG_SOURCE_CHUNK);
    memset(src, 0, sizeof *src);
    src->fd = -1;
    src->gzip = TRUE;
    src->bytes_in = p->inner.bytes_in;
    src->bytes_out = p->inner.bytes_out;
    src->pipe = p;
    p->thread = g_thread_new("log-inflate", pipe_run, p);
}

static gssize
pipe_read(LogSource *src, char *dst, gsize cap, GError **error)
{
    LogSourcePipe *p = src->pipe;
    g_mutex_lock(&p->lock);
    while (p->count == 0)
        g_cond_wait(&p->cond, &p->lock);
    g_mutex_unlock(&p->lock);
    PipeSlot *slot = &p->slots[p->head];
    gsize n = MIN(cap, slot->len - slot->pos);
    memcpy(dst, slot->buf + slot->pos, n);
    slot->pos += n;
    if (slot->pos < slot->len)
        return (gssize)n;
    /* The slot is used up: its counters and end state now hold. */
    src->bytes_in = slot->bytes_in;
    src->bytes_out = slot->bytes_out;
    src->end_state = slot->end_state;
    if (slot->done) {
        src->done = TRUE;
        if (slot->error) {
            if (n > 0) {
                /* The bytes first; the error on the next call (as a direct
                 * read would have raised it then). */
                src->done = FALSE;
                slot->len = slot->pos = 0;
                return (gssize)n;
            }
            g_set_error_literal(error, LOG_ERROR, LOG_ERROR_READ, slot->error);
            return -1;
        }
        return (gssize)n;
    }
    g_mutex_lock(&p->lock);
    p->head = (p->head + 1) % PIPE_SLOTS;
    p->count--;
    g_cond_signal(&p->cond);
    g_mutex_unlock(&p->lock);
    if (n == 0)
        return pipe_read(src, dst, cap, error); /* an empty slot: take the next */
    return (gssize)n;
}

static void
pipe_free(LogSourcePipe *p)
{
    g_mutex_lock(&p->lock);
    p->stop = TRUE;
    g_cond_broadcast(&p->cond);
    g_mutex_unlock(&p->lock);
    g_thread_join(p->thread);
    log_source_close(&p->inner);
    for (guint i = 0; i < PIPE_SLOTS; i++) {
        g_free(p->slots[i].buf);
        g_free(p->slots[i].error);
    }
    g_mutex_clear(&p->lock);
    g_cond_clear(&p->cond);
    g_free(p->name);
    g_free(p);
}

gssize
log_source_read(LogSource *src, char *dst, gsize cap, const char *name, GError **error)
{
    if (src->done || cap == 0)
        return 0;
    if (src->pipe)
        return pipe_read(src, dst, cap, error);
    if (src->gzip)
        return gzip_read(src, dst, cap, name, error);
    if (src->pending_pos < src->pending_len) {
        gsize n = MIN(cap, src->pending_len - src->pending_pos);
        memcpy(dst, src->zin + src->pending_pos, n);
        src->pending_pos += n;
        src->bytes_out += n;
        return (gssize)n;
    }
    if (src->raw_eof) {
        src->done = TRUE;
        return 0;
    }
    gssize n = read_fd(src, dst, cap, name, error);
    if (n == 0) {
        src->raw_eof = TRUE;
        src->done = TRUE;
    }
    if (n > 0)
        src->bytes_out += (guint64)n;
    return n;
}

void
log_source_close(LogSource *src)
{
    if (src->pipe)
        pipe_free(src->pipe);
    if (src->zs_ready)
        inflateEnd(&src->zs);
#ifdef NFW_HAVE_ISAL
    g_free(src->isal);
#endif
    if (src->owns_fd && src->fd >= 0)
        close(src->fd);
    g_free(src->zin);
    memset(src, 0, sizeof *src);
    src->fd = -1;
}
