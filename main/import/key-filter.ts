// A Bloom filter of text keys (names, holders, licence numbers): answers "certainly absent" or
// "maybe present" in a fixed few hundred KB, whatever the keys' length. The import asks it before
// querying the plan's indexes: most rows of a large register name a mine or licence the plan does not
// hold yet, and the filter proves that without a query; a "maybe" is decided by the query.

/** Bits per key the filter is sized for (three probes: about 0.5% of absent keys answer "maybe"). */
const BITS_PER_KEY = 16;
const PROBES = 3;

/** 32-bit FNV-1a over the UTF-16 code units. */
function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function remix(h: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) | 1;
}

export class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** `capacity`: the most keys it will hold at its error rate (more keys only make "maybe" likelier). */
  constructor(capacity: number) {
    let size = 1 << 16;
    while (size < capacity * BITS_PER_KEY && size < 2 ** 31) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
  }

  // the probes of a key: double hashing of its FNV-1a hash and a remix of it (an odd step)
  add(key: string): void {
    const h1 = fnv1a(key);
    const h2 = remix(h1);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  /** False: the key was never added. True: it may have been. */
  mayHave(key: string): boolean {
    const h1 = fnv1a(key);
    const h2 = remix(h1);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & this.mask;
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}
