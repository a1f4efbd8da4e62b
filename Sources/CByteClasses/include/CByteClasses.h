// The bytes of a task text that the parser's pass over it
// (`DocumentParser.textTriggers`) looks at, found 32 at a time with AVX2:
// one bit per byte, so the pass visits only those bytes. Machines without
// AVX2 (and other architectures) read texts byte by byte instead
// (`cbyteclasses_available` is 0 there).
//
// Header only: Swift compiles these inline functions into its own module
// (functions of a C file would carry clang's DWARF 5 debug information,
// which valgrind 3.19, the profiler this project measures with, cannot read).

#ifndef CBYTECLASSES_H
#define CBYTECLASSES_H

#include <stdint.h>

/// Bit `i` of each mask is about byte `p[i]` of `cbyteclasses_trigger_masks`.
typedef struct {
    /// ASCII letters that start a word (no ASCII letter, digit or `_` before
    /// them), and `(`, `[`, `@` and the first bytes of characters of two bytes
    /// or more (0xC0 and up).
    uint64_t candidates;
    /// `.` and `/`.
    uint64_t dotOrSlash;
} CTriggerMasks;

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))

#include <immintrin.h>

/// Whether `cbyteclasses_trigger_masks` may be called: 1 on a machine with AVX2.
static inline int cbyteclasses_available(void) { return __builtin_cpu_supports("avx2") != 0; }

// A byte's classes come from two table lookups, one by its low four bits
// and one by its high four: a class bit is set where both lookups set it,
// so each bit is a set of high nibbles times a set of low nibbles.
//   bit 0: letters 0x41-0x4F, 0x61-0x6F    bit 1: letters 0x50-0x5A, 0x70-0x7A
//   bit 2: digits                           bit 3: `_`
//   bit 4: `.` `/`                          bit 5: `(`
//   bit 6: `[`                              bit 7: `@`
// Bytes 0x80 and up look up 0 by their low bits (`vpshufb`), so have none.
#define CBYTECLASSES_LOW 0x86, 7, 7, 7, 7, 7, 7, 7, 0x27, 7, 3, 0x41, 1, 1, 0x11, 0x19
#define CBYTECLASSES_HIGH 0, 0, 0x30, 4, (char)0x81, 0x4A, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0

/// The classes of the 32 bytes at `p`, a bit a byte.
typedef struct {
    uint32_t word, letter, dotOrSlash, other;
} CByteClasses32;

static inline __attribute__((target("avx2"), always_inline)) CByteClasses32 cbyteclasses_block(const uint8_t *p) {
    const __m256i low = _mm256_setr_epi8(CBYTECLASSES_LOW, CBYTECLASSES_LOW);
    const __m256i high = _mm256_setr_epi8(CBYTECLASSES_HIGH, CBYTECLASSES_HIGH);
    // Bit 7 set where a byte is not 0: a saturating add of 0x7F.
    const __m256i nonZero = _mm256_set1_epi8(0x7F);
    __m256i v = _mm256_loadu_si256((const __m256i *)p);
    __m256i highNibble = _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
    __m256i cls = _mm256_and_si256(_mm256_shuffle_epi8(low, v), _mm256_shuffle_epi8(high, highNibble));
    // Bit 7 of `v & (v + v)`: bits 7 and 6 of `v` set, a byte 0xC0 and up.
    __m256i lead = _mm256_and_si256(v, _mm256_add_epi8(v, v));
    CByteClasses32 r;
    r.word = (uint32_t)_mm256_movemask_epi8(_mm256_adds_epu8(_mm256_and_si256(cls, _mm256_set1_epi8(0x0F)), nonZero));
    r.letter = (uint32_t)_mm256_movemask_epi8(_mm256_adds_epu8(_mm256_and_si256(cls, _mm256_set1_epi8(0x03)), nonZero));
    r.dotOrSlash = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(cls, 3));
    r.other = (uint32_t)_mm256_movemask_epi8(
        _mm256_or_si256(lead, _mm256_adds_epu8(_mm256_and_si256(cls, _mm256_set1_epi8((char)0xE0)), nonZero)));
    return r;
}

/// The masks of the `n` bytes at `p` (1 to 64; bits from `n` on are 0).
/// `wordBefore`: whether the byte before `p[0]` is a word byte. Reads 32
/// bytes, or 64 when `n` is over 32, which must all be readable.
static inline __attribute__((target("avx2"))) CTriggerMasks
cbyteclasses_trigger_masks(const uint8_t *p, int n, int wordBefore) {
    CByteClasses32 first = cbyteclasses_block(p);
    uint64_t word = first.word, letter = first.letter, dotOrSlash = first.dotOrSlash, other = first.other;
    if (n > 32) {
        CByteClasses32 second = cbyteclasses_block(p + 32);
        word |= (uint64_t)second.word << 32;
        letter |= (uint64_t)second.letter << 32;
        dotOrSlash |= (uint64_t)second.dotOrSlash << 32;
        other |= (uint64_t)second.other << 32;
    }
    uint64_t inText = n >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << n) - 1;
    uint64_t wordStarts = letter & ~(word << 1 | (uint64_t)(wordBefore != 0));
    CTriggerMasks r = {(wordStarts | other) & inText, dotOrSlash & inText};
    return r;
}

#else

static inline int cbyteclasses_available(void) { return 0; }

/// Never called: `cbyteclasses_available` is 0.
static inline CTriggerMasks cbyteclasses_trigger_masks(const uint8_t *p, int n, int wordBefore) {
    (void)p, (void)n, (void)wordBefore;
    CTriggerMasks r = {0, 0};
    return r;
}

#endif

/// Asks for the cache line at `p` before it is read (a hint: it never
/// faults). The file tables probe slots whose hashes they know ahead.
static inline void cbyteclasses_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#endif
