// Builds the layer object of a cell kind (docs/maths.md, "Parameter layout").
import type { CellKind, Nonlinearity } from '../modelConfig';
import { GruLayer } from './gruLayer';
import { LstmLayer } from './lstmLayer';
import type { LayerParameters, RecurrentLayer } from './recurrentLayer';
import { VanillaLayer } from './vanillaLayer';

export function createRecurrentLayer(
  cell: CellKind,
  nonlinearity: Nonlinearity,
  inputSize: number,
  hiddenSize: number,
  parameters: LayerParameters,
  gradients: LayerParameters,
): RecurrentLayer {
  switch (cell) {
    case 'rnn':
      return new VanillaLayer(inputSize, hiddenSize, nonlinearity, parameters, gradients);
    case 'lstm':
      return new LstmLayer(inputSize, hiddenSize, parameters, gradients);
    case 'gru':
      return new GruLayer(inputSize, hiddenSize, parameters, gradients);
  }
}
