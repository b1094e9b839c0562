// Command ids the lenses invoke. showTopologies is the topology panel's (host/topology/topologyCommand.ts);
// showGradientDecay is the training panel's (issue 6), used when registered.
export const SHOW_TOPOLOGIES_COMMAND = 'rnnLab.showTopologies';
export const TRAIN_WITH_CONFIG_COMMAND = 'rnnLab.trainWithConfig';
export const SHOW_LAST_RUN_GRADIENT_DECAY_COMMAND = 'rnnLab.showLastRunGradientDecay';
export const SHOW_GRADIENT_DECAY_COMMAND = 'rnnLab.showGradientDecay';
export const OPEN_RUN_COMMAND = 'rnnLab.openRun';
