import * as assert from 'assert';
import { SeededRandom } from '../../../src/engine/random';

describe('SeededRandom (xoshiro128** seeded by splitmix32)', () => {
  it('reproduces the xoshiro128** reference sequence from state [1, 2, 3, 4]', () => {
    // Reference values of the C implementation (also the rand_xoshiro crate's test vector).
    const random = SeededRandom.fromState({ words: [1, 2, 3, 4], cachedGaussian: null });
    const expected = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804];
    assert.deepStrictEqual(expected.map(() => random.nextUint32()), expected);
  });

  it('gives fixed first values for seeds 42, 0 and −1 (splitmix32 seeding, computed by an independent Python port)', () => {
    const r42 = new SeededRandom(42);
    assert.deepStrictEqual([0, 1, 2, 3, 4].map(() => r42.nextUint32()), [2040194432, 253471612, 1173575646, 3277814468, 818557185]);
    const r0 = new SeededRandom(0);
    assert.deepStrictEqual([0, 1, 2].map(() => r0.nextUint32()), [2034837155, 1128550013, 2231620479]);
    const rMinus1 = new SeededRandom(-1);
    assert.deepStrictEqual([0, 1, 2].map(() => rMinus1.nextUint32()), [1682742270, 932461392, 3376135409]);
  });

  it('is bit-identical for the same seed across every method', () => {
    const draw = (random: SeededRandom): number[] => {
      const out: number[] = [];
      for (let i = 0; i < 200; i++) {
        out.push(random.nextFloat(), random.nextGaussian(), random.uniform(-3, 5), random.integer(17));
      }
      out.push(...random.shuffleInPlace(Array.from({ length: 50 }, (_, i) => i)));
      return out;
    };
    const a = draw(new SeededRandom(2024));
    const b = draw(new SeededRandom(2024));
    assert.strictEqual(a.length, b.length);
    for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `differs at ${i}`);
  });

  it('gives unrelated streams for neighbouring seeds, and distinguishes seeds above 2^32 and negative seeds', () => {
    const seeds = [1, 2, 3, 2 ** 32 + 1, -1];
    const firsts = seeds.map((seed) => {
      const random = new SeededRandom(seed);
      return [random.nextUint32(), random.nextUint32()].join(',');
    });
    assert.strictEqual(new Set(firsts).size, seeds.length);
    // Correlation of the uniform streams of seeds 1 and 2 is near 0.
    const a = new SeededRandom(1);
    const b = new SeededRandom(2);
    const n = 20000;
    let sumAB = 0;
    let sumA = 0;
    let sumB = 0;
    for (let i = 0; i < n; i++) {
      const x = a.nextFloat();
      const y = b.nextFloat();
      sumAB += x * y;
      sumA += x;
      sumB += y;
    }
    const covariance = sumAB / n - (sumA / n) * (sumB / n);
    const correlation = covariance / (1 / 12);
    assert.ok(Math.abs(correlation) < 0.03, `correlation ${correlation}`);
  });

  it('has the right mean and variance: U[0,1) ≈ (1/2, 1/12), N(0,1) ≈ (0, 1), uniform(−2, 6) ≈ (2, 64/12)', () => {
    const random = new SeededRandom(7);
    const n = 100000;
    const moments = (sample: () => number): [number, number] => {
      let sum = 0;
      let sumSquares = 0;
      for (let i = 0; i < n; i++) {
        const x = sample();
        sum += x;
        sumSquares += x * x;
      }
      const mean = sum / n;
      return [mean, sumSquares / n - mean * mean];
    };
    const [uMean, uVar] = moments(() => random.nextFloat());
    assert.ok(Math.abs(uMean - 0.5) < 0.005 && Math.abs(uVar - 1 / 12) < 0.002, `${uMean} ${uVar}`);
    const [gMean, gVar] = moments(() => random.nextGaussian());
    assert.ok(Math.abs(gMean) < 0.015 && Math.abs(gVar - 1) < 0.02, `${gMean} ${gVar}`);
    const [rMean, rVar] = moments(() => random.uniform(-2, 6));
    assert.ok(Math.abs(rMean - 2) < 0.04 && Math.abs(rVar - 64 / 12) < 0.08, `${rMean} ${rVar}`);
  });

  it('keeps nextFloat in [0, 1) and integer(n) in [0, n) with every value hit about equally often', () => {
    const random = new SeededRandom(11);
    for (let i = 0; i < 10000; i++) {
      const x = random.nextFloat();
      assert.ok(x >= 0 && x < 1);
    }
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[random.integer(6)]++;
    for (const count of counts) assert.ok(Math.abs(count - 10000) < 400, `counts ${counts.join(',')}`);
    assert.strictEqual(random.integer(1), 0);
    assert.throws(() => random.integer(0), /integer in 1/);
    assert.throws(() => random.integer(2.5), /integer in 1/);
  });

  it('caches the second Box–Muller value: a restored state continues the same Gaussian sequence', () => {
    const random = new SeededRandom(5);
    random.nextGaussian(); // leaves z1 cached
    const saved = random.getState();
    assert.notStrictEqual(saved.cachedGaussian, null);
    const expected = [random.nextGaussian(), random.nextGaussian(), random.nextGaussian()];
    const restored = SeededRandom.fromState(saved);
    assert.deepStrictEqual([restored.nextGaussian(), restored.nextGaussian(), restored.nextGaussian()], expected);
  });

  it('shuffles into a permutation, every position uniformly, for arrays and typed arrays', () => {
    const random = new SeededRandom(3);
    const typed = random.shuffleInPlace(Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]));
    assert.deepStrictEqual(Array.from(typed).sort(), [0, 1, 2, 3, 4, 5, 6, 7]);
    // Position of element 0 after shuffling [0, 1, 2, 3] is uniform over 4 places.
    const hits = [0, 0, 0, 0];
    for (let i = 0; i < 40000; i++) hits[random.shuffleInPlace([0, 1, 2, 3]).indexOf(0)]++;
    for (const h of hits) assert.ok(Math.abs(h - 10000) < 400, `hits ${hits.join(',')}`);
  });

  it('rejects seeds that are not safe integers', () => {
    assert.throws(() => new SeededRandom(1.5), /seed must be an integer/);
    assert.throws(() => new SeededRandom(Number.NaN), /seed must be an integer/);
    assert.throws(() => new SeededRandom(2 ** 60), /seed must be an integer/);
  });

  it('forks deterministic independent streams', () => {
    const a = new SeededRandom(9).fork();
    const b = new SeededRandom(9).fork();
    assert.strictEqual(a.nextUint32(), b.nextUint32());
    const parent = new SeededRandom(9);
    const child = parent.fork();
    assert.notStrictEqual(child.nextUint32(), parent.nextUint32());
  });
});
