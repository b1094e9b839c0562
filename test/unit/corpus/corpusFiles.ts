// The corpus folder: files are declared with a maker and written only when a case needs them (the large ones are
// generated on the fly, never kept in the repository), plus the seeded byte mutations the cases are made of.
import * as childProcess from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type Maker = (fullPath: string) => void;

export class CorpusFolder {
  private readonly makers = new Map<string, Maker>();

  constructor(readonly dir: string, readonly repoRoot: string, readonly cli: string) {}

  /** Declares a file with its content (or a maker); returns its name (cases run in the folder). */
  file(name: string, content: string | Buffer | (() => string | Buffer)): string {
    return this.make(name, (full) => fs.writeFileSync(full, typeof content === 'function' ? content() : content));
  }

  make(name: string, maker: Maker): string {
    if (this.makers.has(name)) throw new Error(`corpus file declared twice: ${name}`);
    this.makers.set(name, maker);
    return name;
  }

  names(): string[] {
    return [...this.makers.keys()];
  }

  /** Writes the file if it is not there yet. */
  ensure(name: string): void {
    const full = path.join(this.dir, name);
    if (fs.existsSync(full)) return;
    const maker = this.makers.get(name);
    if (maker === undefined) return; // a path outside the corpus (/dev/zero, a sample) or deliberately missing
    fs.mkdirSync(path.dirname(full), { recursive: true });
    maker(full);
  }

  /** A file of the repository (samples, fixtures), as bytes. */
  repoBytes(relative: string): Buffer {
    return fs.readFileSync(path.join(this.repoRoot, relative));
  }

  repoText(relative: string): string {
    return this.repoBytes(relative).toString('utf8');
  }

  repoPath(relative: string): string {
    return path.join(this.repoRoot, relative);
  }

  /** Runs the CLI once to make a file (the character model `sample` reads). */
  cliMake(name: string, args: (full: string) => string[]): string {
    return this.make(name, (full) => {
      const result = childProcess.spawnSync(process.execPath, [this.cli, ...args(full)], { cwd: this.dir, encoding: 'utf8', timeout: 60_000 });
      if (result.status !== 0) throw new Error(`could not make ${name}: ${result.stderr}`);
    });
  }
}

/** mulberry32: a small seeded generator, so every "random" mutation is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function truncate(bytes: Buffer, fraction: number): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

/** Flips `count` bits at seeded positions. */
export function flipBits(bytes: Buffer, seed: number, count: number): Buffer {
  const copy = Buffer.from(bytes);
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const position = Math.floor(random() * copy.length);
    copy[position] = (copy[position] as number) ^ (1 << Math.floor(random() * 8));
  }
  return copy;
}

export function randomBytes(seed: number, length: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function utf8Bom(text: string): Buffer {
  return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}

export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

export function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/** Rewrites the line ends: each line end in turn takes the next of `ends`. */
export function lineEnds(text: string, ends: readonly string[]): string {
  let index = 0;
  return text.replace(/\r\n|\r|\n/g, () => ends[index++ % ends.length] as string);
}

/** `depth` nested arrays around one number, as text. */
export function nested(depth: number): string {
  return '['.repeat(depth) + '1' + ']'.repeat(depth);
}

/** The first `count` lines of a text (with its line ends). */
export function firstLines(text: string, count: number): string {
  return text.split('\n').slice(0, count).join('\n') + '\n';
}
