// Which GradientComputer a precision gets (training/gradientComputer.ts).
import type { ModelConfig } from '../modelConfig';
import { Float64GradientComputer, type GradientComputer, type Precision } from '../training/gradientComputer';

/** The computer of `precision` for models of `config` (float32: the batched path of this folder). */
export function createGradientComputer(precision: Precision, config: ModelConfig): GradientComputer {
  void config;
  // TEMPORARY while the float32 batched path is written: both precisions run the float64 path.
  void precision;
  return new Float64GradientComputer();
}
