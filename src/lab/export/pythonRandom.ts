// RNN Lab's seeded generator (engine/random.ts) in Python, for the exported scripts: xoshiro128** 1.1 with the
// splitmix32 seeding, the unbiased integer draw and the Fisher–Yates shuffle, in 32-bit arithmetic masked by hand, so the
// script shuffles its mini-batches into the same order as the run, bit for bit.
export const PYTHON_SEEDED_RANDOM = String.raw`
# ------------------------------------------------------------------ the seeded shuffle (RNN Lab's engine/random.ts)
MASK32 = 0xFFFFFFFF


def _rotl32(x, k):
    return ((x << k) | (x >> (32 - k))) & MASK32


def _splitmix32(state):
    """One splitmix32 step (golden-ratio increment, Wellons' lowbias32 finaliser): (new state, output)."""
    state = (state + 0x9E3779B9) & MASK32
    z = state
    z = ((z ^ (z >> 16)) * 0x21F0AAAD) & MASK32
    z = ((z ^ (z >> 15)) * 0x735A2D97) & MASK32
    return state, (z ^ (z >> 15)) & MASK32


class SeededRandom:
    """xoshiro128** 1.1 (Blackman & Vigna 2018): RNN Lab's generator, so every epoch's batch order is the run's."""

    def __init__(self, words):
        self.s = [w & MASK32 for w in words]

    @classmethod
    def from_seed(cls, seed):
        """The state RNN Lab derives from an integer seed: splitmix32 of its low and high 32 bits, XOR-ed."""
        low_state = seed & MASK32
        high_state = ((seed // 2**32) & MASK32) ^ 0x85EBCA6B
        words = []
        for _ in range(4):
            low_state, low = _splitmix32(low_state)
            high_state, high = _splitmix32(high_state)
            words.append(low ^ high)
        if not any(words):
            words[0] = 0x9E3779B9
        return cls(words)

    def next_uint32(self):
        s0, s1, s2, s3 = self.s
        result = (_rotl32((s1 * 5) & MASK32, 7) * 9) & MASK32
        t = (s1 << 9) & MASK32
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = _rotl32(s3, 11)
        self.s = [s0, s1, s2, s3]
        return result

    def integer(self, n):
        """Uniform on [0, n), unbiased: draws in the incomplete last copy of [0, n) inside [0, 2^32) are redrawn."""
        limit = 2**32 - (2**32 % n)
        while True:
            draw = self.next_uint32()
            if draw < limit:
                return draw % n

    def shuffle(self, items):
        """Fisher–Yates (Durstenfeld), in place, as RNN Lab shuffles its training examples every epoch."""
        for i in range(len(items) - 1, 0, -1):
            j = self.integer(i + 1)
            items[i], items[j] = items[j], items[i]
        return items
`;
