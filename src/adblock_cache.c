/*
 * Ad-blocking lists, cached. Reading EasyList takes some 25 ms, several
 * times what pith spends on a page, so a command run on one page would
 * mostly read the list. The finished rule set (strings, rules, index: all
 * offsets, no pointers) is written to one file and read back whole. The
 * file names what it was built from (a key of each list's path, size and
 * modification time, made by the caller) and the layout of the structs,
 * and ends with a checksum: a file that does not match in every respect is
 * not used, and the lists are read again.
 */
#include "adblock_impl.h"
#include "hash.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "pith-adblock-cache-1\n"

/* A checksum that reads a word at a time: the file is megabytes, and a
 * byte at a time would cost more than reading the list again. Save and
 * load sum the same pieces in the same order. */
static uint64_t fnv64(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, sizeof w);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 32;
    }
    return px_fnv1a64(h, (const char *)s, n);
}

/* The arrays of a rule set, in file order: where each lives, its length
 * and the size of one element. Files come apart (their names). */
typedef struct section {
    void *ptr; /* address of the array pointer */
    size_t *n;
    size_t size;
} section;

static size_t nslots(const px_adblock *ab) { return ab->slots ? (size_t)ab->mask + 1 : 0; }

/* The count of keyed rules (the length of ab->list). */
static size_t nlist(const px_adblock *ab)
{
    size_t n = 0;
    for (size_t i = 0; i < nslots(ab); i++)
        n += ab->slots[i].n;
    return n;
}

static void sections(px_adblock *ab, section *s, size_t *list_n, size_t *slot_n)
{
    section all[] = {
        {&ab->pool.data, &ab->pool.len, 1},
        {&ab->simples, &ab->nsimples, sizeof *ab->simples},
        {&ab->comps, &ab->ncomps, sizeof *ab->comps},
        {&ab->doms, &ab->ndoms, sizeof *ab->doms},
        {&ab->rules, &ab->nrules, sizeof *ab->rules},
        {&ab->excs, &ab->nexcs, sizeof *ab->excs},
        {&ab->offs, &ab->noffs, sizeof *ab->offs},
        {&ab->counts, &ab->ncounts, sizeof *ab->counts},
        {&ab->slots, slot_n, sizeof *ab->slots},
        {&ab->list, list_n, sizeof *ab->list},
        {&ab->universal, &ab->nuniversal, sizeof *ab->universal},
    };
    memcpy(s, all, sizeof all);
}
#define NSECTIONS 11

/* The layout the file depends on: a pith built otherwise reads again. */
static uint64_t layout(void)
{
    const size_t sizes[] = {sizeof(ab_simple), sizeof(ab_compound), sizeof(ab_domain),
                            sizeof(ab_rule), sizeof(ab_exception), sizeof(ab_siteoff),
                            sizeof(ab_slot), sizeof(size_t), AB_COUNT_MAX};
    return fnv64(PX_FNV1A64_SEED, sizes, sizeof sizes);
}

int px_adblock_save(px_adblock *ab, const char *path, const char *key)
{
    size_t list_n = nlist(ab), slot_n = nslots(ab);
    section s[NSECTIONS];
    sections(ab, s, &list_n, &slot_n);
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid()) >= sizeof tmp)
        return -1;
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return -1;
    uint64_t h = PX_FNV1A64_SEED, lay = layout(), klen = strlen(key), nfiles = ab->nfiles;
    /* Everything after the magic goes through put, which sums it. */
#define PUT(p, n) (h = fnv64(h, (p), (n)), fwrite((p), 1, (n), f) == (n))
    bool ok = fwrite(MAGIC, 1, sizeof MAGIC - 1, f) == sizeof MAGIC - 1 && PUT(&lay, sizeof lay) &&
              PUT(&klen, sizeof klen) && PUT(key, klen) && PUT(&nfiles, sizeof nfiles);
    for (size_t i = 0; ok && i < ab->nfiles; i++) {
        uint64_t n = strlen(ab->files[i]);
        ok = PUT(&n, sizeof n) && PUT(ab->files[i], n);
    }
    uint64_t mask = ab->mask;
    ok = ok && PUT(&mask, sizeof mask);
    for (size_t i = 0; ok && i < NSECTIONS; i++) {
        char *arr;
        memcpy(&arr, s[i].ptr, sizeof arr);
        uint64_t n = *s[i].n;
        ok = PUT(&n, sizeof n) && (!n || PUT(arr, n * s[i].size));
    }
#undef PUT
    ok = ok && fwrite(&h, 1, sizeof h, f) == sizeof h;
    ok = !fclose(f) && ok;
    /* Renamed into place whole, so that a process reading it at the same
     * time sees the old file or the new one, never half of one. */
    if (!ok || rename(tmp, path)) {
        remove(tmp);
        return -1;
    }
    return 0;
}

/* A reader over the file's bytes that sums what it hands out. */
typedef struct reader {
    const char *p, *end;
    uint64_t h;
    bool bad;
} reader;

static const void *take(reader *r, uint64_t n)
{
    if (r->bad || n > (uint64_t)(r->end - r->p)) {
        r->bad = true;
        return NULL;
    }
    const void *at = r->p;
    r->h = fnv64(r->h, at, (size_t)n);
    r->p += n;
    return at;
}

static uint64_t take_u64(reader *r)
{
    uint64_t v = 0;
    const void *p = take(r, sizeof v);
    if (p)
        memcpy(&v, p, sizeof v);
    return v;
}

/* Are the offsets and indices of a loaded set inside their arrays? The
 * checksum catches damage; this catches the rest cheaply, so that a bad
 * file can never make the matcher read out of bounds. */
static bool consistent(const px_adblock *ab, size_t list_n)
{
    size_t pl = ab->pool.len;
    if (!pl || ab->pool.data[pl - 1] != '\0' || ab->ncounts != ab->nfiles * AB_COUNT_MAX)
        return false;
    for (size_t i = 0; i < ab->nsimples; i++)
        if (ab->simples[i].name >= pl || ab->simples[i].value >= pl ||
            ab->simples[i].vlen > pl - ab->simples[i].value)
            return false;
    for (size_t i = 0; i < ab->ncomps; i++)
        if (ab->comps[i].first > ab->nsimples || ab->comps[i].n > ab->nsimples - ab->comps[i].first)
            return false;
    for (size_t i = 0; i < ab->ndoms; i++)
        if (ab->doms[i].name >= pl || ab->doms[i].len > pl - ab->doms[i].name)
            return false;
    for (size_t i = 0; i < ab->nrules; i++) {
        const ab_rule *r = &ab->rules[i];
        if (!r->ncomp || r->comp > ab->ncomps || r->ncomp > ab->ncomps - r->comp ||
            r->dom > ab->ndoms || r->ndom > ab->ndoms - r->dom || r->sel >= pl ||
            r->exc >= (int)ab->nexcs || r->exc < -1 || r->file < 0 || (size_t)r->file >= ab->nfiles)
            return false;
    }
    for (size_t i = 0; i < ab->nexcs; i++) {
        const ab_exception *e = &ab->excs[i];
        if (e->sel >= pl || e->dom > ab->ndoms || e->ndom > ab->ndoms - e->dom ||
            e->next >= (int)ab->nexcs || e->next < -1)
            return false;
    }
    for (size_t i = 0; i < ab->noffs; i++)
        if (ab->offs[i].name >= pl || ab->offs[i].len > pl - ab->offs[i].name)
            return false;
    for (size_t i = 0; i <= ab->mask; i++) {
        const ab_slot *s = &ab->slots[i];
        if (s->key >= pl || s->klen > pl - s->key || s->first > list_n || s->n > list_n - s->first)
            return false;
    }
    for (size_t i = 0; i < list_n; i++)
        if (ab->list[i] < 0 || (size_t)ab->list[i] >= ab->nrules)
            return false;
    for (size_t i = 0; i < ab->nuniversal; i++)
        if (ab->universal[i] < 0 || (size_t)ab->universal[i] >= ab->nrules)
            return false;
    return true;
}

static px_adblock *load_from(const px_alloc *a, reader *r, const char *key)
{
    if ((size_t)(r->end - r->p) < sizeof MAGIC - 1 + 8 || memcmp(r->p, MAGIC, sizeof MAGIC - 1))
        return NULL;
    r->p += sizeof MAGIC - 1;
    r->end -= 8; /* the checksum */
    uint64_t klen;
    if (take_u64(r) != layout() || (klen = take_u64(r)) != strlen(key))
        return NULL;
    const void *k = take(r, klen);
    if (!k || memcmp(k, key, klen))
        return NULL;
    px_adblock *ab = px_adblock_new(a);
    if (!ab)
        return NULL;
    uint64_t nfiles = take_u64(r);
    for (uint64_t i = 0; i < nfiles && !r->bad; i++) {
        uint64_t n = take_u64(r);
        const char *name = take(r, n);
        char **f = name ? AB_PUSH(ab, files) : NULL;
        if (f && !(*f = px_strndup(a, name, (size_t)n)))
            ab->nfiles--;
        r->bad |= !f || !*f;
    }
    uint64_t mask = take_u64(r);
    size_t list_n = 0, slot_n = 0;
    section s[NSECTIONS];
    px_buf_free(&ab->pool);
    sections(ab, s, &list_n, &slot_n);
    for (size_t i = 0; i < NSECTIONS && !r->bad; i++) {
        uint64_t n = take_u64(r);
        const void *src = n <= SIZE_MAX / s[i].size ? take(r, n * s[i].size) : NULL;
        void *dst = src ? px_malloc(a, (size_t)n * s[i].size + 1) : NULL;
        if (!dst) {
            r->bad = true;
            break;
        }
        memcpy(dst, src, (size_t)n * s[i].size);
        memcpy(s[i].ptr, &dst, sizeof dst);
        *s[i].n = (size_t)n;
    }
    ab->pool.cap = ab->pool.len;
    ab->mask = (uint32_t)mask;
    uint64_t sum;
    memcpy(&sum, r->end, sizeof sum);
    if (r->bad || r->p != r->end || sum != r->h || !slot_n || mask != slot_n - 1 ||
        (slot_n & mask) || !consistent(ab, list_n)) {
        px_adblock_free(ab);
        return NULL;
    }
    return ab;
}

px_adblock *px_adblock_load(const px_alloc *a, const char *path, const char *key)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    char *buf = NULL;
    size_t len = 0;
    /* One read of the size the file has; a file that grows meanwhile is
     * cut, and then fails its checksum. */
    if (!fstat(fileno(f), &st) && st.st_size > 0 && (uint64_t)st.st_size < SIZE_MAX &&
        (buf = px_malloc(a, (size_t)st.st_size)))
        len = fread(buf, 1, (size_t)st.st_size, f);
    fclose(f);
    px_adblock *ab = NULL;
    if (buf && len == (size_t)st.st_size) {
        reader r = {buf, buf + len, PX_FNV1A64_SEED, false};
        ab = load_from(a, &r, key);
    }
    px_free(a, buf);
    return ab;
}
