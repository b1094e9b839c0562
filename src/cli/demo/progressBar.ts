// The demo's progress on stderr: a bar redrawn in place on a terminal, plain lines (one per finished experiment)
// when stderr is a file or a pipe (CI logs stay readable).

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const BAR_WIDTH = 28;

export class ProgressBar {
  private done = 0;
  private label = '';
  private readonly started: number;

  constructor(
    private readonly stream: ProgressStream,
    /** Units of work in the whole run (epochs of every experiment). */
    private readonly total: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.started = clock();
  }

  /** An experiment starts: its name is shown beside the bar. */
  begin(label: string): void {
    this.label = label;
    this.draw();
  }

  /** One unit done. */
  tick(): void {
    this.done = Math.min(this.total, this.done + 1);
    this.draw();
  }

  /** An experiment finished: on a terminal the bar moves on, otherwise one line is written. */
  finish(label: string, detail: string): void {
    if (this.stream.isTTY !== true) this.stream.write(`[${this.percent().toString().padStart(3)}%] ${label}: ${detail}\n`);
  }

  /** Clears the bar line (terminal only), before the table is printed. */
  end(): void {
    if (this.stream.isTTY === true) this.stream.write('\r\x1b[2K');
  }

  private percent(): number {
    return this.total === 0 ? 100 : Math.floor((100 * this.done) / this.total);
  }

  private draw(): void {
    if (this.stream.isTTY !== true) return;
    const filled = this.total === 0 ? BAR_WIDTH : Math.round((BAR_WIDTH * this.done) / this.total);
    const seconds = ((this.clock() - this.started) / 1000).toFixed(1);
    this.stream.write(`\r\x1b[2K[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${this.percent().toString().padStart(3)}%  ${seconds} s  ${this.label}`);
  }
}
