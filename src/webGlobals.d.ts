// The two text codecs every JavaScript runtime RNN Lab runs in provides (Node 20, browser web workers): declared here
// for the vscode-free parts, whose tsconfig has no DOM and no Node types (tsconfig.part.json). Only the members those
// parts use. The Node and DOM typings declare the full classes for every other tsconfig, which excludes this file.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
