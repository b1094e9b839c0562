// Line ends as editors count them: \r\n, \n and a lone \r (old Mac OS exports, some instruments) each end one line.
// Every text is turned into \n-only before it is sniffed, split or numbered, so the sniffer, the record splitter,
// the text of a character model and every `file:line` in a message agree with what the editor shows.

/** `text` with \r\n and lone \r replaced by \n. */
export function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The same, chunk by chunk: a \r at the end of a chunk waits for the next one (it may be half of a \r\n). */
export class LineEndNormalizer {
  private heldCarriageReturn = false;

  push(chunk: string, final = false): string {
    let text = this.heldCarriageReturn ? `\r${chunk}` : chunk;
    this.heldCarriageReturn = false;
    if (!final && text.endsWith('\r')) {
      text = text.slice(0, -1);
      this.heldCarriageReturn = true;
    }
    return normalizeLineEnds(text);
  }
}
