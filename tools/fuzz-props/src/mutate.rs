//! A small byte mutator for the stable smoke run (libFuzzer brings its own under cargo fuzz):
//! the mutations that found the crashes of issue 15's campaign — flips, deletions, repeats
//! of a chunk (deep nesting, long lines), and splices of another seed.

/// xorshift64*: reproducible from its seed, enough for choosing mutations.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }
}

/// Bytes that make parsers work: brackets, quotes, tag and mustache delimiters.
const INTERESTING: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b"{{",
    b"}}",
    b"<",
    b">",
    b"</",
    b"/>",
    b"\"",
    b"'",
    b"`",
    b"${",
    b"/*",
    b"*/",
    b"//",
    b"\\",
    b"\n",
    b"\0",
    b"\xff",
    b"\xe5\x90",
    b":not(",
    b"<view>",
    b"wx:for=\"{{",
    b"@import \"",
];

/// One to four mutations of `input`; `seeds` supply splices.
pub fn mutate(input: &[u8], seeds: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            2 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                out.splice(at..at, piece.iter().copied());
            }
            3 if !out.is_empty() => {
                // A chunk repeated: nesting and long lines.
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(8)).min(out.len());
                let chunk = out[start..end].to_vec();
                let most = if rng.below(8) == 0 { 3000 } else { 20 };
                let times = 1 + rng.below(most);
                let repeated: Vec<u8> = chunk.iter().copied().cycle().take(chunk.len() * times).collect();
                out.splice(at..at, repeated);
            }
            4 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..to].iter().copied());
            }
            _ => out.truncate(at),
        }
    }
    // Bounded, as libFuzzer's -max_len bounds its inputs.
    out.truncate(256 << 10);
    out
}
