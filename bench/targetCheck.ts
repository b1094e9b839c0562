// One performance target of `rnn-lab bench` and what was measured for it.

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** null when it could not be measured (e.g. tfjs missing). */
  readonly met: boolean | null;
}
