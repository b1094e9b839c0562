// Stands in for the 'vscode' module when a vscode-free part (engine, modelFiles, data, lab) is type-checked (see
// "paths" in tsconfig.part.json): those parts run in the `rnn-lab` CLI and in workers, where VS Code does not exist,
// so `vscode.anything` must not compile there (types alone would not stop it: @types/vscode resolves by module name).
export declare const vscodeIsNotAvailableHere: never;
