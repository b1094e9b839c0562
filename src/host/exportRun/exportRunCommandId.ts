// The id of "RNN Lab: Export Run as PyTorch Script…" (issue 14), on its own so the training panel's toolbar button
// can run the command without importing the command's module (which looks the panel up: no import circle).
export const EXPORT_RUN_COMMAND = 'rnnLab.exportRunAsPyTorch';
