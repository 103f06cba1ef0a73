/*
 * The fast kernel's native code, for NativeSums.java: the first layer's sums, and the matrix products of the
 * layers above (at the end). The same operations in the same order as KernelSums.sumInputs and Products.java,
 * so the results are the same bits as the plain Java path.
 *
 * Both sums have one shape. For each output row r (an image, or a pixel of the chunk):
 *
 *     out[r * n + j] = sum over the row's entries k, in order, of input[byte_k] * rows[index_k * n + j]
 *
 * where an entry is a stored pixel: for an image, its inked pixels (index_k the pixel, rows W1^T);
 * for a pixel, the chunk's images inked there (index_k the sample, rows the samples' dz1). Each
 * lane j is a chain of fused multiply-adds starting from +0.0. No entry is ever reordered within a row.
 *
 * Rows ten wide (the seed's layer) are short: one row's chains wait 4 cycles on each fused
 * multiply-add, so four rows run side by side in four slots; when a slot's row ends, the next
 * row takes its place. Its ten lanes go in a 512-bit and a 128-bit register where there is
 * AVX-512F, else in two 256-bit and one 128-bit. Wider rows go in blocks of up to 48 lanes, one
 * row at a time in twelve 256-bit registers (block_rows, below).
 *
 * Built by build.sh at `mvn package`; Java asks features() what the processor runs before any other call:
 * everything here needs AVX2 and FMA.
 */
#include <jni.h>
#include <immintrin.h>
#include <stdint.h>
#include <stdlib.h>
#include <pthread.h>

typedef struct {
    const double *rows;      /* rows[index * n + j] */
    int n;
    const uint16_t *index;   /* an entry's row of rows (a Java char[]): a pixel, or a sample of the chunk */
    const int8_t *byte;      /* its stored pixel byte, seen as input[byte & 0xFF] */
    const double *input;
    const int32_t *start;    /* a row's entries are [start[m], start[m + 1]) with m = map[r], or r without a map */
    const int32_t *map;
    double *out;
    int64_t nrows;           /* how many rows rows holds (index < nrows), for packing a strip of them */
} job;

/*
 * Each thread's scratch, for a strip of a matrix packed contiguous: rows n doubles apart are, for
 * n a multiple of 256 or so, a multiple of 4 KiB apart, so they fall into a few of the cache's
 * sets and evict each other long before the strip fills the cache (measured: the first-layer sums
 * and the products ran at L3's speed on 784-512-256-10). Packed, a strip of 16 lanes by 784 rows is
 * 100 KB in a row, held by L2. Grown as needed and kept; freed when its thread ends.
 */
typedef struct {
    double *p;
    size_t cap;
} scratch_t;

static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *s) {
    free(((scratch_t *) s)->p);
    free(s);
}

static void scratch_init(void) {
    pthread_key_create(&scratch_key, scratch_free);
}

/* This thread's scratch of at least doubles doubles, 64-byte aligned, or NULL if out of memory (the callers then read in place). */
static double *scratch(size_t doubles) {
    pthread_once(&scratch_once, scratch_init);
    scratch_t *s = pthread_getspecific(scratch_key);
    if (!s) {
        s = calloc(1, sizeof *s);
        if (!s || pthread_setspecific(scratch_key, s) != 0) {
            free(s);
            return NULL;
        }
    }
    if (s->cap < doubles) {
        free(s->p);
        s->p = aligned_alloc(64, (doubles * sizeof(double) + 63) / 64 * 64);
        s->cap = s->p ? doubles : 0;
    }
    return s->p;
}

/* pk[r * w + t] = src[r * n + j0 + t] for r < nrows, t < w (0.0 past n): a strip of w lanes packed. */
static void pack(const double *src, int64_t n, int64_t nrows, int64_t j0, int w, double *pk) {
    int64_t lanes = n - j0 < w ? n - j0 : w;
    for (int64_t r = 0; r < nrows; r++) {
        const double *from = src + r * n + j0;
        double *to = pk + r * w;
        int64_t t = 0;
        for (; t < lanes; t++) to[t] = from[t];
        for (; t < w; t++) to[t] = 0.0;
    }
}

/* How many rows ahead an image's pixels are fetched into cache. */
#define AHEAD 8

#define TARGET __attribute__((target("avx512f,fma"), always_inline)) static inline

/* Adds entry k of slot S into the slot's registers: lanes 0..7 in lo, 8 and 9 in hi's low half. */
#define ADD(S) do { \
        __m512d v_ = _mm512_set1_pd(input[(uint8_t) byte[k##S]]); \
        const double *w_ = rows + (int64_t) index[k##S] * 10; \
        lo##S = _mm512_fmadd_pd(v_, _mm512_loadu_pd(w_), lo##S); \
        hi##S = _mm512_castpd128_pd512(_mm_fmadd_pd(_mm512_castpd512_pd128(v_), _mm_loadu_pd(w_ + 8), \
                                                    _mm512_castpd512_pd128(hi##S))); \
        k##S++; \
    } while (0)

#define STORE(row, LO, HI) do { \
        double *o_ = out + (int64_t) (row) * 10; \
        _mm512_storeu_pd(o_, LO); \
        _mm_storeu_pd(o_ + 8, _mm512_castpd512_pd128(HI)); \
    } while (0)

/* Stores a finished slot's row and starts the next row with entries in it (rows without any get zeros). */
#define REFILL(S) do { \
        if (r##S >= 0) STORE(r##S, lo##S, hi##S); \
        r##S = -1; \
        lo##S = _mm512_setzero_pd(); hi##S = _mm512_setzero_pd(); \
        if (map && next + AHEAD < count) { /* images come in any order: fetch one a few rows ahead */ \
            int32_t a_ = start[map[from + next + AHEAD]]; \
            _mm_prefetch((const char *) (index + a_), _MM_HINT_T0); \
            _mm_prefetch((const char *) (index + a_) + 64, _MM_HINT_T0); \
            _mm_prefetch((const char *) (index + a_) + 128, _MM_HINT_T0); \
            _mm_prefetch((const char *) (byte + a_), _MM_HINT_T0); \
        } \
        while (next < count) { \
            int m_ = map ? map[from + next] : from + next; \
            k##S = start[m_]; e##S = start[m_ + 1]; \
            if (k##S < e##S) { r##S = next++; break; } \
            STORE(next, lo##S, hi##S); \
            next++; \
        } \
        if (r##S < 0) { k##S = e##S = 0; } \
    } while (0)

/*
 * Rows from .. from + count (out row 0 is row from) of rows ten wide (the seed's layer): its ten
 * lanes in one 512-bit and one 128-bit register, no masks.
 */
TARGET void sums16(const job *b, int from, int count) {
    const double *rows = b->rows;
    const uint16_t *index = b->index;
    const int8_t *byte = b->byte;
    const double *input = b->input;
    const int32_t *start = b->start;
    const int32_t *map = b->map;
    double *out = b->out;
    int next = 0;
    int r0 = -1, r1 = -1, r2 = -1, r3 = -1;
    int64_t k0 = 0, k1 = 0, k2 = 0, k3 = 0, e0 = 0, e1 = 0, e2 = 0, e3 = 0;
    __m512d lo0, lo1, lo2, lo3, hi0, hi1, hi2, hi3;
    REFILL(0); REFILL(1); REFILL(2); REFILL(3);
    for (;;) {
        if (r0 >= 0 && r1 >= 0 && r2 >= 0 && r3 >= 0) {
            int64_t steps = e0 - k0;
            if (e1 - k1 < steps) steps = e1 - k1;
            if (e2 - k2 < steps) steps = e2 - k2;
            if (e3 - k3 < steps) steps = e3 - k3;
            for (int64_t t = 0; t < steps; t++) {
                ADD(0); ADD(1); ADD(2); ADD(3);
            }
        } else { /* the last rows: fewer than four slots busy */
            if (r0 < 0 && r1 < 0 && r2 < 0 && r3 < 0) break;
            if (r0 >= 0 && k0 < e0) ADD(0);
            if (r1 >= 0 && k1 < e1) ADD(1);
            if (r2 >= 0 && k2 < e2) ADD(2);
            if (r3 >= 0 && k3 < e3) ADD(3);
        }
        if (r0 >= 0 && k0 == e0) REFILL(0);
        if (r1 >= 0 && k1 == e1) REFILL(1);
        if (r2 >= 0 && k2 == e2) REFILL(2);
        if (r3 >= 0 && k3 == e3) REFILL(3);
    }
}

__attribute__((target("avx512f,fma")))
static void sums(const job *b, int from, int count) {
    sums16(b, from, count);
}

/*
 * The same sums in AVX2, for processors without AVX-512: the ten lanes in two 256-bit registers
 * and one 128-bit. Four slots as above; the same chains, so the same bits.
 */
#define TARGET2 __attribute__((target("avx2,fma"), always_inline)) static inline

#define ADD2(S) do { \
        __m256d v_ = _mm256_broadcast_sd(input + (uint8_t) byte[k##S]); \
        const double *w_ = rows + (int64_t) index[k##S] * 10; \
        lo##S = _mm256_fmadd_pd(v_, _mm256_loadu_pd(w_), lo##S); \
        hi##S = _mm256_fmadd_pd(v_, _mm256_loadu_pd(w_ + 4), hi##S); \
        te##S = _mm_fmadd_pd(_mm256_castpd256_pd128(v_), _mm_loadu_pd(w_ + 8), te##S); \
        k##S++; \
    } while (0)

#define STORE2(row, LO, HI, TE) do { \
        double *o_ = out + (int64_t) (row) * 10; \
        _mm256_storeu_pd(o_, LO); \
        _mm256_storeu_pd(o_ + 4, HI); \
        _mm_storeu_pd(o_ + 8, TE); \
    } while (0)

#define REFILL2(S) do { \
        if (r##S >= 0) STORE2(r##S, lo##S, hi##S, te##S); \
        r##S = -1; \
        lo##S = _mm256_setzero_pd(); hi##S = _mm256_setzero_pd(); te##S = _mm_setzero_pd(); \
        if (map && next + AHEAD < count) { \
            int32_t a_ = start[map[from + next + AHEAD]]; \
            _mm_prefetch((const char *) (index + a_), _MM_HINT_T0); \
            _mm_prefetch((const char *) (index + a_) + 64, _MM_HINT_T0); \
            _mm_prefetch((const char *) (index + a_) + 128, _MM_HINT_T0); \
            _mm_prefetch((const char *) (byte + a_), _MM_HINT_T0); \
        } \
        while (next < count) { \
            int m_ = map ? map[from + next] : from + next; \
            k##S = start[m_]; e##S = start[m_ + 1]; \
            if (k##S < e##S) { r##S = next++; break; } \
            STORE2(next, lo##S, hi##S, te##S); \
            next++; \
        } \
        if (r##S < 0) { k##S = e##S = 0; } \
    } while (0)

/* As sums16, in AVX2. */
TARGET2 void sums8(const job *b, int from, int count) {
    const double *rows = b->rows;
    const uint16_t *index = b->index;
    const int8_t *byte = b->byte;
    const double *input = b->input;
    const int32_t *start = b->start;
    const int32_t *map = b->map;
    double *out = b->out;
    int next = 0;
    int r0 = -1, r1 = -1, r2 = -1, r3 = -1;
    int64_t k0 = 0, k1 = 0, k2 = 0, k3 = 0, e0 = 0, e1 = 0, e2 = 0, e3 = 0;
    __m256d lo0, lo1, lo2, lo3, hi0, hi1, hi2, hi3;
    __m128d te0, te1, te2, te3;
    REFILL2(0); REFILL2(1); REFILL2(2); REFILL2(3);
    for (;;) {
        if (r0 >= 0 && r1 >= 0 && r2 >= 0 && r3 >= 0) {
            int64_t steps = e0 - k0;
            if (e1 - k1 < steps) steps = e1 - k1;
            if (e2 - k2 < steps) steps = e2 - k2;
            if (e3 - k3 < steps) steps = e3 - k3;
            for (int64_t t = 0; t < steps; t++) {
                ADD2(0); ADD2(1); ADD2(2); ADD2(3);
            }
        } else {
            if (r0 < 0 && r1 < 0 && r2 < 0 && r3 < 0) break;
            if (r0 >= 0 && k0 < e0) ADD2(0);
            if (r1 >= 0 && k1 < e1) ADD2(1);
            if (r2 >= 0 && k2 < e2) ADD2(2);
            if (r3 >= 0 && k3 < e3) ADD2(3);
        }
        if (r0 >= 0 && k0 == e0) REFILL2(0);
        if (r1 >= 0 && k1 == e1) REFILL2(1);
        if (r2 >= 0 && k2 == e2) REFILL2(2);
        if (r3 >= 0 && k3 == e3) REFILL2(3);
    }
}

__attribute__((target("avx2,fma")))
static void sums2(const job *b, int from, int count) {
    sums8(b, from, count);
}

/*
 * Rows wider than ten, in AVX2 (on AVX-512 processors too): a row's lanes go in blocks of w lanes,
 * w a multiple of 4 and at most 48 (block_width), one block of one row at a time in up to twelve
 * registers. Each entry then feeds twelve fused multiply-adds from one broadcast: the two FMA units
 * stay busy through the 4 cycles each chain waits, and the entry's pixel, byte and input are read
 * once per 48 lanes. The rows a block reads are packed contiguous, w lanes apiece (zeros past n):
 * rows n doubles apart would, for n a multiple of 256 or so, fall into a few of the cache's sets
 * and evict each other (measured: the sums then ran at L3's speed on 784-512-256-10); packed, a
 * block of 784 rows is 300 KB in a row, held by L2. W1^T comes packed from Java (KernelBuffers);
 * a chunk's dz1 is packed here, into the thread's scratch.
 */
static int64_t block_width(int64_t n) {
    int64_t blocks = (n + 47) / 48;
    int64_t w = (n + blocks - 1) / blocks;
    return (w + 3) / 4 * 4;
}

/* The lanes a row takes blocked: every block w wide, the last padded with zeros. */
static int64_t blocked_width(int64_t n) {
    int64_t w = block_width(n);
    return (n + w - 1) / w * w;
}

#define BLOCK_FMA(I) if (R > I) s##I = _mm256_fmadd_pd(v_, _mm256_loadu_pd(w_ + 4 * I), s##I)
#define BLOCK_PUT(I) if (R > I) { \
        if (I == R - 1) _mm256_maskstore_pd(o_ + 4 * I, tail, s##I); else _mm256_storeu_pd(o_ + 4 * I, s##I); }

/* Rows from .. from + count of one block: R registers (R = its lanes / 4, rounded up; tail masks the last one's lanes inside n). */
TARGET2 void block_rows(const job *bj, const double *pk, int64_t w, int from, int count, int64_t j0, const int R,
                        __m256i tail) {
    const uint16_t *index = bj->index;
    const int8_t *byte = bj->byte;
    const double *input = bj->input;
    const int32_t *start = bj->start;
    const int32_t *map = bj->map;
    const int64_t n = bj->n;
    for (int r = 0; r < count; r++) {
        if (map && r + AHEAD < count) { /* images come in any order: fetch one a few rows ahead */
            int32_t a_ = start[map[from + r + AHEAD]];
            _mm_prefetch((const char *) (index + a_), _MM_HINT_T0);
            _mm_prefetch((const char *) (index + a_) + 64, _MM_HINT_T0);
            _mm_prefetch((const char *) (index + a_) + 128, _MM_HINT_T0);
            _mm_prefetch((const char *) (byte + a_), _MM_HINT_T0);
        }
        int m = map ? map[from + r] : from + r;
        __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0, s8 = s0,
                s9 = s0, s10 = s0, s11 = s0;
        for (int64_t k = start[m], e = start[m + 1]; k < e; k++) {
            __m256d v_ = _mm256_broadcast_sd(input + (uint8_t) byte[k]);
            const double *w_ = pk + (int64_t) index[k] * w;
            BLOCK_FMA(0); BLOCK_FMA(1); BLOCK_FMA(2); BLOCK_FMA(3); BLOCK_FMA(4); BLOCK_FMA(5);
            BLOCK_FMA(6); BLOCK_FMA(7); BLOCK_FMA(8); BLOCK_FMA(9); BLOCK_FMA(10); BLOCK_FMA(11);
        }
        double *o_ = bj->out + (int64_t) r * n + j0;
        BLOCK_PUT(0); BLOCK_PUT(1); BLOCK_PUT(2); BLOCK_PUT(3); BLOCK_PUT(4); BLOCK_PUT(5);
        BLOCK_PUT(6); BLOCK_PUT(7); BLOCK_PUT(8); BLOCK_PUT(9); BLOCK_PUT(10); BLOCK_PUT(11);
    }
}

/*
 * Every block: packed holds the blocks one after another, nrows rows of w lanes each. A row with
 * no entries gets zeros, as its chains from +0.0 would.
 */
__attribute__((target("avx2,fma")))
static void blocks(const job *b, const double *packed, int64_t nrows, int from, int count) {
    int64_t w = block_width(b->n);
    for (int64_t j0 = 0, q = 0; j0 < b->n; j0 += w, q++) {
        int64_t lanes = b->n - j0 < w ? b->n - j0 : w;
        int R = (int) ((lanes + 3) / 4);
        int64_t last = lanes - 4 * (R - 1);
        __m256i tail = _mm256_setr_epi64x(-1, last > 1 ? -1 : 0, last > 2 ? -1 : 0, last > 3 ? -1 : 0);
        const double *pk = packed + q * nrows * w;
        switch (R) {
            case 1: block_rows(b, pk, w, from, count, j0, 1, tail); break;
            case 2: block_rows(b, pk, w, from, count, j0, 2, tail); break;
            case 3: block_rows(b, pk, w, from, count, j0, 3, tail); break;
            case 4: block_rows(b, pk, w, from, count, j0, 4, tail); break;
            case 5: block_rows(b, pk, w, from, count, j0, 5, tail); break;
            case 6: block_rows(b, pk, w, from, count, j0, 6, tail); break;
            case 7: block_rows(b, pk, w, from, count, j0, 7, tail); break;
            case 8: block_rows(b, pk, w, from, count, j0, 8, tail); break;
            case 9: block_rows(b, pk, w, from, count, j0, 9, tail); break;
            case 10: block_rows(b, pk, w, from, count, j0, 10, tail); break;
            case 11: block_rows(b, pk, w, from, count, j0, 11, tail); break;
            default: block_rows(b, pk, w, from, count, j0, 12, tail); break;
        }
    }
}

/* packed[q * nrows * w + r * w + t] = rows[r * n + q * w + t]: the blocks of rows n wide (zeros past n). */
static void pack_blocks(const double *rows, int64_t n, int64_t nrows, double *packed) {
    int64_t w = block_width(n);
    for (int64_t j0 = 0, q = 0; j0 < n; j0 += w, q++) {
        pack(rows, n, nrows, j0, (int) w, packed + q * nrows * w);
    }
}

/* Set by features(), which Java calls once before any other function. */
static int wide_sums;

/*
 * Rows ten wide (the seed's layer) 16 lanes wide where the processor has AVX-512, else in AVX2;
 * wider rows in blocks: rows is then packed already (blocked) or packed here. Java calls none of
 * this without AVX2.
 */
static int any_sums(const job *b, int from, int count, int blocked) {
    if (b->n == 10) {
        if (wide_sums) {
            sums(b, from, count);
        } else {
            sums2(b, from, count);
        }
        return 1;
    }
    if (blocked) { /* the first layer's weights, blocked by Java */
        blocks(b, b->rows, b->nrows, from, count);
        return 1;
    }
    double *pk = scratch((size_t) (b->nrows * blocked_width(b->n)));
    if (!pk) {
        return 0;
    }
    pack_blocks(b->rows, b->n, b->nrows, pk);
    blocks(b, pk, b->nrows, from, count);
    return 1;
}

/*
 * The dense products of the layers above the first, in AVX2 with FMA (KernelLayers.java):
 *
 *     c[r * n + j] = sum over k = 0 .. depth - 1, in order, of a[r * ar + k * ak] * b[k * n + j]
 *
 * each (r, j) one chain of fused multiply-adds from +0.0, as Products.java makes in plain Java (it
 * skips the zero terms, which add nothing). A tile is 6 rows by 8 lanes in twelve registers: per k,
 * two loads of b, six broadcasts of a, twelve fused multiply-adds, more than the eight the two FMA
 * units need in flight to cover their latency (with eight exactly, every late load stalls them). Tiles walk down the rows for one strip of 8 lanes, so the strip of
 * b stays in L1. The last strip's lanes beyond n are loaded as zeros and never stored.
 */
#define PT __attribute__((target("avx2,fma"), always_inline)) static inline

#define ROW(R) do { \
        __m256d x_ = _mm256_broadcast_sd(a##R + k * ak); \
        c##R##0 = _mm256_fmadd_pd(x_, b0, c##R##0); \
        c##R##1 = _mm256_fmadd_pd(x_, b1, c##R##1); \
    } while (0)

#define PUT(R) do { \
        double *o_ = c + (int64_t) (r0 + R) * n + j0; \
        if (full) { _mm256_storeu_pd(o_, c##R##0); _mm256_storeu_pd(o_ + 4, c##R##1); } \
        else { _mm256_maskstore_pd(o_, m0, c##R##0); _mm256_maskstore_pd(o_ + 4, m1, c##R##1); } \
    } while (0)

/* Rows r0 .. r0 + rows (1 to 6) of lanes j0 .. j0 + 8; full: all 8 lanes are inside n. */
/* bs: the strip's first lane of row k is bs[k * bn]; packed, all 8 lanes can be read (zeros past n). */
PT void tile(const double *a, int64_t ar, int64_t ak, const double *bs, int64_t bn, int64_t n, double *c,
             int64_t depth, int64_t r0, int64_t j0, const int rows, const int full, const int packed, __m256i m0,
             __m256i m1) {
    const double *a0 = a + r0 * ar, *a1 = a0 + ar, *a2 = a1 + ar, *a3 = a2 + ar, *a4 = a3 + ar, *a5 = a4 + ar;
    __m256d c00 = _mm256_setzero_pd(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00,
            c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    const double *bp = bs;
    for (int64_t k = 0; k < depth; k++, bp += bn) {
        __m256d b0 = full || packed ? _mm256_loadu_pd(bp) : _mm256_maskload_pd(bp, m0);
        __m256d b1 = full || packed ? _mm256_loadu_pd(bp + 4) : _mm256_maskload_pd(bp + 4, m1);
        ROW(0);
        if (rows > 1) ROW(1);
        if (rows > 2) ROW(2);
        if (rows > 3) ROW(3);
        if (rows > 4) ROW(4);
        if (rows > 5) ROW(5);
    }
    PUT(0);
    if (rows > 1) PUT(1);
    if (rows > 2) PUT(2);
    if (rows > 3) PUT(3);
    if (rows > 4) PUT(4);
    if (rows > 5) PUT(5);
}

#define TILES(FULL, PACKED) do { \
        int64_t r0 = 0; \
        for (; r0 + 6 <= rows; r0 += 6) tile(a, ar, ak, bs, bn, n, c, depth, r0, j0, 6, FULL, PACKED, m0, m1); \
        switch (rows - r0) { \
            case 5: tile(a, ar, ak, bs, bn, n, c, depth, r0, j0, 5, FULL, PACKED, m0, m1); break; \
            case 4: tile(a, ar, ak, bs, bn, n, c, depth, r0, j0, 4, FULL, PACKED, m0, m1); break; \
            case 3: tile(a, ar, ak, bs, bn, n, c, depth, r0, j0, 3, FULL, PACKED, m0, m1); break; \
            case 2: tile(a, ar, ak, bs, bn, n, c, depth, r0, j0, 2, FULL, PACKED, m0, m1); break; \
            case 1: tile(a, ar, ak, bs, bn, n, c, depth, r0, j0, 1, FULL, PACKED, m0, m1); break; \
            default: break; \
        } \
    } while (0)

__attribute__((target("avx2,fma")))
static void products(const double *a, int64_t ar, int64_t ak, const double *b, int64_t n, double *c, int64_t rows,
                     int64_t depth) {
    /* b's strip is packed when its rows would fight over cache sets, and there are rows enough to repay it */
    double *pk = rows > 6 && n >= 64 ? scratch((size_t) depth * 8) : NULL;
    for (int64_t j0 = 0; j0 < n; j0 += 8) {
        int64_t lanes = n - j0 < 8 ? n - j0 : 8;
        __m256i m0 = _mm256_setr_epi64x(lanes > 0 ? -1 : 0, lanes > 1 ? -1 : 0, lanes > 2 ? -1 : 0, lanes > 3 ? -1 : 0);
        __m256i m1 = _mm256_setr_epi64x(lanes > 4 ? -1 : 0, lanes > 5 ? -1 : 0, lanes > 6 ? -1 : 0, lanes > 7 ? -1 : 0);
        const double *bs = b + j0;
        int64_t bn = n;
        if (pk) {
            pack(b, n, depth, j0, 8, pk);
            bs = pk;
            bn = 8;
        }
        if (lanes == 8) {
            if (pk) TILES(1, 1); else TILES(1, 0);
        } else {
            if (pk) TILES(0, 1); else TILES(0, 0);
        }
    }
}

/*
 * The seed's ten-wide first layer on images mostly inked (Fashion-MNIST's are half ink), dense:
 * every pixel, zeros included, four images (or four pixels) at a time, so that each row of weights
 * (or of dz1) loaded serves four. A zero pixel adds input[0] * w = +0.0 * w, a zero, which leaves a
 * chain from +0.0 as it was, so these are the very bits of the sparse sums above as long as every
 * w (or dz1) is finite: Java calls them only then (KernelBuffers, KernelChunk), and only where the
 * chunk's images are inked enough to repay the zeros (FastKernel.DENSE_INK).
 */
#define D10(R) do { \
        __m256d v_ = _mm256_broadcast_sd(input + (uint8_t) x##R[p]); \
        lo##R = _mm256_fmadd_pd(v_, w0, lo##R); \
        hi##R = _mm256_fmadd_pd(v_, w1, hi##R); \
        te##R = _mm_fmadd_pd(_mm256_castpd256_pd128(v_), w2, te##R); \
    } while (0)

#define D10PUT(R, O) do { \
        _mm256_storeu_pd((O), lo##R); _mm256_storeu_pd((O) + 4, hi##R); _mm_storeu_pd((O) + 8, te##R); \
    } while (0)

/*
 * Images r0 .. r0 + R of the chunk (R 1 to 4): out[r * 10 + j] = sum over p < pixels, in order, of
 * input[x_r[p]] * w[p * 10 + j]; with a list (ps non-null), over p = ps[0 .. np) only, in order.
 */
TARGET2 void dense_rows(const double *w, const int8_t *images, int64_t pixels, const double *input,
                        const int32_t *map, int from, int r0, const int R, double *out,
                        const uint16_t *ps, int32_t np) {
    const int8_t *x0 = images + (int64_t) map[from + r0] * pixels;
    const int8_t *x1 = R > 1 ? images + (int64_t) map[from + r0 + 1] * pixels : x0;
    const int8_t *x2 = R > 2 ? images + (int64_t) map[from + r0 + 2] * pixels : x0;
    const int8_t *x3 = R > 3 ? images + (int64_t) map[from + r0 + 3] * pixels : x0;
    __m256d lo0 = _mm256_setzero_pd(), hi0 = lo0, lo1 = lo0, hi1 = lo0, lo2 = lo0, hi2 = lo0, lo3 = lo0, hi3 = lo0;
    __m128d te0 = _mm_setzero_pd(), te1 = te0, te2 = te0, te3 = te0;
    for (int64_t k = 0, end = ps ? np : pixels; k < end; k++) {
        int64_t p = ps ? ps[k] : k;
        const double *wp = w + p * 10;
        __m256d w0 = _mm256_loadu_pd(wp), w1 = _mm256_loadu_pd(wp + 4);
        __m128d w2 = _mm_loadu_pd(wp + 8);
        D10(0);
        if (R > 1) D10(1);
        if (R > 2) D10(2);
        if (R > 3) D10(3);
    }
    double *o = out + (int64_t) r0 * 10;
    D10PUT(0, o);
    if (R > 1) D10PUT(1, o + 10);
    if (R > 2) D10PUT(2, o + 20);
    if (R > 3) D10PUT(3, o + 30);
}

/* Images r0 .. r0 + R (R 0 to 4) as dense_rows does them. */
TARGET2 void dense_rows_upto4(const double *w, const int8_t *images, int64_t pixels, const double *input,
                              const int32_t *map, int from, int r0, int R, double *out,
                              const uint16_t *ps, int32_t np) {
    switch (R) {
        case 4: dense_rows(w, images, pixels, input, map, from, r0, 4, out, ps, np); break;
        case 3: dense_rows(w, images, pixels, input, map, from, r0, 3, out, ps, np); break;
        case 2: dense_rows(w, images, pixels, input, map, from, r0, 2, out, ps, np); break;
        case 1: dense_rows(w, images, pixels, input, map, from, r0, 1, out, ps, np); break;
        default: break;
    }
}

/*
 * With lists (start non-null), block b of `width` images (a multiple of 4) reads only pixels
 * list[start[b] .. start[b + 1]), in order: those inked in one of its images. A pixel blank in all
 * of them adds +0.0 to every chain, which changes none, so skipping it keeps the bits.
 */
__attribute__((target("avx2,fma")))
static void dense_sums10(const double *w, const int8_t *images, int64_t pixels, const double *input,
                         const int32_t *map, int from, int count, double *out,
                         const int32_t *start, const uint16_t *list, int width) {
    if (start) {
        for (int b = 0; b * width < count; b++) {
            const uint16_t *ps = list + start[b];
            int32_t np = start[b + 1] - start[b];
            for (int r0 = b * width; r0 < count && r0 < b * width + width; r0 += 4) {
                dense_rows_upto4(w, images, pixels, input, map, from, r0, count - r0 < 4 ? count - r0 : 4, out, ps, np);
            }
        }
        return;
    }
    int r0 = 0;
    for (; r0 + 4 <= count; r0 += 4) dense_rows(w, images, pixels, input, map, from, r0, 4, out, NULL, 0);
    dense_rows_upto4(w, images, pixels, input, map, from, r0, count - r0, out, NULL, 0);
}

#define C10(R) do { \
        __m256d v_ = _mm256_broadcast_sd(input + (uint8_t) xs[R]); \
        lo##R = _mm256_fmadd_pd(v_, w0, lo##R); \
        hi##R = _mm256_fmadd_pd(v_, w1, hi##R); \
        te##R = _mm_fmadd_pd(_mm256_castpd256_pd128(v_), w2, te##R); \
    } while (0)

/*
 * Pixels p0 .. p0 + R (R 1 to 4): out[p * 10 + j] = sum over the chunk's samples s, in order, of
 * input[x_s[p]] * dz[s * 10 + j]; with a list (ss non-null), over s = ss[0 .. ns) only, in order.
 */
TARGET2 void dense_columns(const double *dz, const int8_t *images, int64_t pixels, const double *input,
                           const int32_t *map, int from, int count, int64_t p0, const int R, double *out,
                           const uint16_t *ss, int32_t ns) {
    __m256d lo0 = _mm256_setzero_pd(), hi0 = lo0, lo1 = lo0, hi1 = lo0, lo2 = lo0, hi2 = lo0, lo3 = lo0, hi3 = lo0;
    __m128d te0 = _mm_setzero_pd(), te1 = te0, te2 = te0, te3 = te0;
    for (int k = 0, end = ss ? ns : count; k < end; k++) {
        int s = ss ? ss[k] : k;
        const int8_t *xs = images + (int64_t) map[from + s] * pixels + p0;
        const double *d = dz + (int64_t) s * 10;
        __m256d w0 = _mm256_loadu_pd(d), w1 = _mm256_loadu_pd(d + 4);
        __m128d w2 = _mm_loadu_pd(d + 8);
        C10(0);
        if (R > 1) C10(1);
        if (R > 2) C10(2);
        if (R > 3) C10(3);
    }
    double *o = out + p0 * 10;
    D10PUT(0, o);
    if (R > 1) D10PUT(1, o + 10);
    if (R > 2) D10PUT(2, o + 20);
    if (R > 3) D10PUT(3, o + 30);
}

/*
 * Pixels from p0 on. With lists (start non-null; map is then the identity), pixels g * width ..
 * (g + 1) * width, width a multiple of 4, read only samples list[start[g] .. start[g + 1]), in
 * order: those with ink among them. As above, a sample blank there adds +0.0 to every chain.
 */
__attribute__((target("avx2,fma")))
static void dense_columns10(const double *dz, const int8_t *images, int64_t pixels, const double *input,
                            const int32_t *map, int from, int count, int64_t p0, double *out,
                            const int32_t *start, const uint16_t *list, int width) {
    if (start) {
        for (; p0 + width <= pixels; p0 += width) {
            const uint16_t *ss = list + start[p0 / width];
            int32_t ns = start[p0 / width + 1] - start[p0 / width];
            for (int64_t q = p0; q < p0 + width; q += 4) {
                dense_columns(dz, images, pixels, input, map, from, count, q, 4, out, ss, ns);
            }
        }
    }
    for (; p0 + 4 <= pixels; p0 += 4) dense_columns(dz, images, pixels, input, map, from, count, p0, 4, out, NULL, 0);
    switch (pixels - p0) {
        case 3: dense_columns(dz, images, pixels, input, map, from, count, p0, 3, out, NULL, 0); break;
        case 2: dense_columns(dz, images, pixels, input, map, from, count, p0, 2, out, NULL, 0); break;
        case 1: dense_columns(dz, images, pixels, input, map, from, count, p0, 1, out, NULL, 0); break;
        default: break;
    }
}

/*
 * The same dense sums in AVX-512 with the images (forward) or the pixels (dW1^T) along the
 * vector, 16 at a time in two registers, so that no lane is idle: ten chains per lane, one per
 * unit j. The pixels are converted from their bytes in the loop, 16 with a load and five vector
 * operations: input[b] = b * hi + b * lo, with hi + lo = input[1] to twice a double's precision
 * (one rounding, in the fused multiply-add). input_step checks that this gives input[b] for
 * every b, bit for bit, before either is used; if not, the AVX2 sums above run.
 *
 * Forward, the images are read from a panel that Java keeps for a full batch (KernelChunk): for
 * every 16 images of the chunk, pixel p's 16 bytes side by side, zeros past the chunk's end.
 */
#define TARGET5 __attribute__((target("avx512f,avx512dq,fma"))) static

/* Whether input[b] = b * hi + b * lo (as converted below) for every byte b; sets hi and lo. */
TARGET5 int input_step(const double *input, double *hi, double *lo) {
    double h = input[1];
    double l = h == 1.0 ? 0.0 : _mm_cvtsd_f64(_mm_fmadd_sd(_mm_set_sd(-h), _mm_set_sd(255.0), _mm_set_sd(1.0))) / 255.0;
    __m512d vh = _mm512_set1_pd(h), vl = _mm512_set1_pd(l);
    for (int b = 0; b < 256; b += 8) {
        __m512d f = _mm512_cvtepi64_pd(_mm512_set_epi64(b + 7, b + 6, b + 5, b + 4, b + 3, b + 2, b + 1, b));
        __m512d x = _mm512_fmadd_pd(f, vh, _mm512_mul_pd(f, vl));
        __m512i got = _mm512_castpd_si512(x), want = _mm512_castpd_si512(_mm512_loadu_pd(input + b));
        if (_mm512_cmpneq_epi64_mask(got, want)) return 0;
    }
    *hi = h;
    *lo = l;
    return 1;
}

/* Sixteen bytes from p as doubles, input[b] each: lanes 0-7 in X0, 8-15 in X1. */
#define CONVERT16(p, X0, X1) \
        __m128i b_ = _mm_loadu_si128((const __m128i *) (p)); \
        __m512d f0_ = _mm512_cvtepi64_pd(_mm512_cvtepu8_epi64(b_)); \
        __m512d f1_ = _mm512_cvtepi64_pd(_mm512_cvtepu8_epi64(_mm_srli_si128(b_, 8))); \
        __m512d X0 = _mm512_fmadd_pd(f0_, hi, _mm512_mul_pd(f0_, lo)); \
        __m512d X1 = _mm512_fmadd_pd(f1_, hi, _mm512_mul_pd(f1_, lo))

/* a{J} += x0 * q[J], a{J+10} += x1 * q[J], for the ten units J. */
#define UNIT(J, q) do { __m512d u_ = _mm512_set1_pd((q)[J]); \
        a##J = _mm512_fmadd_pd(x0, u_, a##J); b##J = _mm512_fmadd_pd(x1, u_, b##J); } while (0)
#define UNITS(q) do { UNIT(0, q); UNIT(1, q); UNIT(2, q); UNIT(3, q); UNIT(4, q); \
        UNIT(5, q); UNIT(6, q); UNIT(7, q); UNIT(8, q); UNIT(9, q); } while (0)
#define ZERO20 __m512d a0 = _mm512_setzero_pd(), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, \
        a7 = a0, a8 = a0, a9 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0, b6 = a0, b7 = a0, \
        b8 = a0, b9 = a0
/* t[(l * 10 + j) * 8 + lane]: lane l of unit j's chains, 16 lanes in all. */
#define SPILL20(t) do { \
        _mm512_storeu_pd(t, a0); _mm512_storeu_pd(t + 8, a1); _mm512_storeu_pd(t + 16, a2); \
        _mm512_storeu_pd(t + 24, a3); _mm512_storeu_pd(t + 32, a4); _mm512_storeu_pd(t + 40, a5); \
        _mm512_storeu_pd(t + 48, a6); _mm512_storeu_pd(t + 56, a7); _mm512_storeu_pd(t + 64, a8); \
        _mm512_storeu_pd(t + 72, a9); _mm512_storeu_pd(t + 80, b0); _mm512_storeu_pd(t + 88, b1); \
        _mm512_storeu_pd(t + 96, b2); _mm512_storeu_pd(t + 104, b3); _mm512_storeu_pd(t + 112, b4); \
        _mm512_storeu_pd(t + 120, b5); _mm512_storeu_pd(t + 128, b6); _mm512_storeu_pd(t + 136, b7); \
        _mm512_storeu_pd(t + 144, b8); _mm512_storeu_pd(t + 152, b9); } while (0)

/* out[t * 10 + j] for the block's first count (at most 16) lanes t, from SPILL20's layout. */
static void unspill(const double *t, int count, double *out) {
    for (int l = 0; l < count; l++) {
        for (int j = 0; j < 10; j++) out[l * 10 + j] = t[((l >> 3) * 10 + j) * 8 + (l & 7)];
    }
}

/*
 * Images 16 at a time from the panel: out[s * 10 + j] = sum over p, in order, of input[x_s[p]] * w[p * 10 + j].
 * With a list (start non-null), block b of 16 images reads only pixels list[start[b] .. start[b + 1]),
 * in order: those inked in at least one of its images (Java lists them with the panel). A pixel blank
 * in all 16 adds +0.0 to every chain, which changes none, so skipping it keeps the bits.
 */
TARGET5 void panel_sums10(const double *w, const uint8_t *panel, int64_t pixels, double step_hi, double step_lo,
                          int count, double *out, const int32_t *start, const uint16_t *list) {
    __m512d hi = _mm512_set1_pd(step_hi), lo = _mm512_set1_pd(step_lo);
    double t[160];
    for (int s0 = 0; s0 < count; s0 += 16) {
        const uint8_t *pan = panel + (int64_t) s0 * pixels;
        ZERO20;
        if (start) {
            for (int32_t k = start[s0 / 16], end = start[s0 / 16 + 1]; k < end; k++) {
                int64_t p = list[k];
                CONVERT16(pan + p * 16, x0, x1);
                const double *wp = w + p * 10;
                UNITS(wp);
            }
        } else {
            for (int64_t p = 0; p < pixels; p++) {
                CONVERT16(pan + p * 16, x0, x1);
                const double *wp = w + p * 10;
                UNITS(wp);
            }
        }
        SPILL20(t);
        unspill(t, count - s0 < 16 ? count - s0 : 16, out + (int64_t) s0 * 10);
    }
}

/*
 * Pixels 16 at a time: out[p * 10 + j] = sum over the chunk's samples s, in order, of input[x_s[p]] * dz[s * 10 + j].
 * With a list (start non-null; the images are then the chunk's own copy, map the identity), pixels
 * 16g .. 16g + 16 read only samples list[start[g] .. start[g + 1]), in order: those with ink among
 * them. As above, a sample blank there adds +0.0 to every chain, so the bits are the same.
 */
TARGET5 void pixel_columns10(const double *dz, const int8_t *images, int64_t pixels, const double *input,
                             double step_hi, double step_lo, const int32_t *map, int from, int count, double *out,
                             const int32_t *start, const uint16_t *list) {
    __m512d hi = _mm512_set1_pd(step_hi), lo = _mm512_set1_pd(step_lo);
    double t[160];
    /*
     * The forward sums read the panel, so the images' bytes are not in cache: read a byte of each
     * of their cache lines first, all the loads under way at once (prefetch instructions, which
     * the processor may drop, were measured to do little). Measured: dW1^T 1.7 to 1.35 cycles a
     * pixel, on 41,000 dense images.
     */
    uint8_t touched = 0;
    for (int s = 0; s < count; s++) {
        const int8_t *x = images + (int64_t) map[from + s] * pixels;
        for (int64_t k = 0; k < pixels; k += 64) touched ^= (uint8_t) x[k];
        touched ^= (uint8_t) x[pixels - 1];
    }
    __asm__ volatile("" : : "r"(touched));
    int64_t p0 = 0;
    for (; p0 + 16 <= pixels; p0 += 16) {
        ZERO20;
        if (start) {
            for (int32_t k = start[p0 / 16], end = start[p0 / 16 + 1]; k < end; k++) {
                int s = list[k];
                CONVERT16(images + (int64_t) s * pixels + p0, x0, x1);
                const double *d = dz + (int64_t) s * 10;
                UNITS(d);
            }
        } else {
            for (int s = 0; s < count; s++) {
                CONVERT16(images + (int64_t) map[from + s] * pixels + p0, x0, x1);
                const double *d = dz + (int64_t) s * 10;
                UNITS(d);
            }
        }
        SPILL20(t);
        unspill(t, 16, out + p0 * 10);
    }
    dense_columns10(dz, images, pixels, input, map, from, count, p0, out, NULL, NULL, 16);
}

/* Set by features(): the processor runs the sums just above. */
static int panel_sums;

/*
 * columns: 0 for the forward sums (rows are W1^T, out a row per image), 1 for dW1^T (rows are dz1,
 * out a row per pixel). panel: the chunk's images as panel_sums10 reads them, or null.
 */
JNIEXPORT void JNICALL Java_mnistshell_nn_NativeSums_nativeDenseSums(JNIEnv *env, jclass cls, jdoubleArray rows,
        jbyteArray images, jint pixels, jdoubleArray input, jintArray map, jint from, jint to, jdoubleArray out,
        jboolean columns, jbyteArray panel, jintArray listStart, jcharArray list, jint width) {
    (void) cls;
    double *pr = (*env)->GetPrimitiveArrayCritical(env, rows, 0);
    int8_t *px = (*env)->GetPrimitiveArrayCritical(env, images, 0);
    double *pin = (*env)->GetPrimitiveArrayCritical(env, input, 0);
    int32_t *pm = (*env)->GetPrimitiveArrayCritical(env, map, 0);
    double *po = (*env)->GetPrimitiveArrayCritical(env, out, 0);
    uint8_t *pp = panel ? (*env)->GetPrimitiveArrayCritical(env, panel, 0) : NULL;
    int32_t *ls = listStart ? (*env)->GetPrimitiveArrayCritical(env, listStart, 0) : NULL;
    uint16_t *li = list ? (*env)->GetPrimitiveArrayCritical(env, list, 0) : NULL;
    if (pr && px && pin && pm && po && (pp || !panel) && (ls || !listStart) && (li || !list)) {
        double hi = 0, lo = 0;
        int step = panel_sums && (width == 16 || !ls) && input_step(pin, &hi, &lo);
        if (columns) {
            if (step) {
                pixel_columns10(pr, px, pixels, pin, hi, lo, pm, from, to - from, po, ls, li);
            } else {
                dense_columns10(pr, px, pixels, pin, pm, from, to - from, 0, po, ls, li, width);
            }
        } else if (step && pp) {
            panel_sums10(pr, pp, pixels, hi, lo, to - from, po, ls, li);
        } else {
            dense_sums10(pr, px, pixels, pin, pm, from, to - from, po, ls, li, width);
        }
    }
    if (li) (*env)->ReleasePrimitiveArrayCritical(env, list, li, JNI_ABORT);
    if (ls) (*env)->ReleasePrimitiveArrayCritical(env, listStart, ls, JNI_ABORT);
    if (pp) (*env)->ReleasePrimitiveArrayCritical(env, panel, pp, JNI_ABORT);
    if (po) (*env)->ReleasePrimitiveArrayCritical(env, out, po, 0);
    if (pm) (*env)->ReleasePrimitiveArrayCritical(env, map, pm, JNI_ABORT);
    if (pin) (*env)->ReleasePrimitiveArrayCritical(env, input, pin, JNI_ABORT);
    if (px) (*env)->ReleasePrimitiveArrayCritical(env, images, px, JNI_ABORT);
    if (pr) (*env)->ReleasePrimitiveArrayCritical(env, rows, pr, JNI_ABORT);
}

JNIEXPORT jint JNICALL Java_mnistshell_nn_NativeSums_features(JNIEnv *env, jclass c) {
    (void) env;
    (void) c;
    __builtin_cpu_init();
    int fma = __builtin_cpu_supports("fma");
    wide_sums = fma && __builtin_cpu_supports("avx512f");
    panel_sums = wide_sums && __builtin_cpu_supports("avx512dq");
    return (fma && __builtin_cpu_supports("avx2") ? 1 : 0) | (wide_sums ? 2 : 0) | (panel_sums ? 4 : 0);
}

JNIEXPORT void JNICALL Java_mnistshell_nn_NativeSums_nativeProducts(JNIEnv *env, jclass cls, jdoubleArray a, jint ar,
        jint ak, jdoubleArray b, jint n, jdoubleArray c, jint rows, jint depth) {
    (void) cls;
    double *pa = (*env)->GetPrimitiveArrayCritical(env, a, 0);
    double *pb = (*env)->GetPrimitiveArrayCritical(env, b, 0);
    double *pc = (*env)->GetPrimitiveArrayCritical(env, c, 0);
    if (pa && pb && pc) {
        products(pa, ar, ak, pb, n, pc, rows, depth);
    }
    if (pc) (*env)->ReleasePrimitiveArrayCritical(env, c, pc, 0);
    if (pb) (*env)->ReleasePrimitiveArrayCritical(env, b, pb, JNI_ABORT);
    if (pa) (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
}

JNIEXPORT void JNICALL Java_mnistshell_nn_NativeSums_nativePixelSums(JNIEnv *env, jclass c, jdoubleArray wt, jint n,
        jcharArray pixel, jbyteArray byte, jdoubleArray input, jintArray start, jintArray images, jint from, jint to,
        jdoubleArray out) {
    job b = {0};
    int ok = 1;
    (void) c;
    b.n = n;
    b.nrows = n > 0 ? (*env)->GetArrayLength(env, wt) / (n == 10 ? 10 : blocked_width(n)) : 0;
    b.rows = (*env)->GetPrimitiveArrayCritical(env, wt, 0);
    b.index = (*env)->GetPrimitiveArrayCritical(env, pixel, 0);
    b.byte = (*env)->GetPrimitiveArrayCritical(env, byte, 0);
    b.input = (*env)->GetPrimitiveArrayCritical(env, input, 0);
    b.start = (*env)->GetPrimitiveArrayCritical(env, start, 0);
    b.map = (*env)->GetPrimitiveArrayCritical(env, images, 0);
    b.out = (*env)->GetPrimitiveArrayCritical(env, out, 0);
    if (b.rows && b.index && b.byte && b.input && b.start && b.map && b.out) {
        ok = any_sums(&b, from, to - from, 1);
    }
    if (b.out) (*env)->ReleasePrimitiveArrayCritical(env, out, b.out, 0);
    if (b.map) (*env)->ReleasePrimitiveArrayCritical(env, images, (void *) b.map, JNI_ABORT);
    if (b.start) (*env)->ReleasePrimitiveArrayCritical(env, start, (void *) b.start, JNI_ABORT);
    if (b.input) (*env)->ReleasePrimitiveArrayCritical(env, input, (void *) b.input, JNI_ABORT);
    if (b.byte) (*env)->ReleasePrimitiveArrayCritical(env, byte, (void *) b.byte, JNI_ABORT);
    if (b.index) (*env)->ReleasePrimitiveArrayCritical(env, pixel, (void *) b.index, JNI_ABORT);
    if (b.rows) (*env)->ReleasePrimitiveArrayCritical(env, wt, (void *) b.rows, JNI_ABORT);
    if (!ok) {
        jclass oom = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
        if (oom) (*env)->ThrowNew(env, oom, "no memory for the first layer's sums");
    }
}

JNIEXPORT void JNICALL Java_mnistshell_nn_NativeSums_nativeColumnSums(JNIEnv *env, jclass c, jdoubleArray rows, jint n,
        jintArray start, jcharArray index, jbyteArray byte, jdoubleArray input, jint columns, jdoubleArray out) {
    job b = {0};
    int ok = 1;
    (void) c;
    b.n = n;
    b.nrows = n > 0 ? (*env)->GetArrayLength(env, rows) / n : 0;
    b.rows = (*env)->GetPrimitiveArrayCritical(env, rows, 0);
    b.start = (*env)->GetPrimitiveArrayCritical(env, start, 0);
    b.index = (*env)->GetPrimitiveArrayCritical(env, index, 0);
    b.byte = (*env)->GetPrimitiveArrayCritical(env, byte, 0);
    b.input = (*env)->GetPrimitiveArrayCritical(env, input, 0);
    b.out = (*env)->GetPrimitiveArrayCritical(env, out, 0);
    if (b.rows && b.start && b.index && b.byte && b.input && b.out) {
        ok = any_sums(&b, 0, columns, 0);
    }
    if (b.out) (*env)->ReleasePrimitiveArrayCritical(env, out, b.out, 0);
    if (b.input) (*env)->ReleasePrimitiveArrayCritical(env, input, (void *) b.input, JNI_ABORT);
    if (b.byte) (*env)->ReleasePrimitiveArrayCritical(env, byte, (void *) b.byte, JNI_ABORT);
    if (b.index) (*env)->ReleasePrimitiveArrayCritical(env, index, (void *) b.index, JNI_ABORT);
    if (b.start) (*env)->ReleasePrimitiveArrayCritical(env, start, (void *) b.start, JNI_ABORT);
    if (b.rows) (*env)->ReleasePrimitiveArrayCritical(env, rows, (void *) b.rows, JNI_ABORT);
    if (!ok) {
        jclass oom = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
        if (oom) (*env)->ThrowNew(env, oom, "no memory for the first layer's gradient sums");
    }
}
