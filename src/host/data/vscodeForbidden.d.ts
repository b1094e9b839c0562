// Stands in for the 'vscode' module when src/host/data is type-checked (see "paths" in ./tsconfig.json): this
// module runs in the `rnn-lab` CLI too, where VS Code does not exist, so `vscode.anything` must not compile here.
export declare const vscodeIsNotAvailableInSrcHostData: never;
