// The few members of the WebAssembly JavaScript API the kernels use, typed locally: the engine's tsconfig has no DOM
// and no Node types (tsconfig.part.json), and a global `declare namespace WebAssembly` would clash with those typings
// in the tsconfigs that have them. Every runtime RNN Lab runs in (Node 20, web workers) provides the API.

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Grows by `deltaPages` pages of 64 KiB; returns the previous size in pages; detaches the old buffer. */
  grow(deltaPages: number): number;
}
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  validate(bytes: Uint8Array): boolean;
}

/** The runtime's WebAssembly object, or undefined where there is none. */
export function webAssemblyApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (with or without '=' padding): every 4 characters carry 3 bytes, 6 bits each. */
export function decodeBase64(text: string): Uint8Array {
  const value = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) value[ALPHABET.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let bits = 0, accumulated = 0, out = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? value[code] : -1;
    if (v < 0) throw new Error(`base64: unexpected character at ${i}`);
    accumulated = (accumulated << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (accumulated >> bits) & 0xff;
    }
  }
  return bytes;
}
