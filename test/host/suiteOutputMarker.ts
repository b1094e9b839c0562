// Under the code-server host the suite's console output reaches the adapter through the workbench's automation log,
// mixed with the workbench's own log lines. The suite prefixes its reporter lines with this marker so the adapter can
// stream exactly the test report and keep the rest for failure diagnostics. (Desktop hosts print the extension
// host's stdout directly, so the marker is only used when RNN_LAB_TEST_HOST_KIND is "code-server".)
export const SUITE_OUTPUT_MARKER = '\u2063rnn-lab-suite\u2063';

export const HOST_KIND_VARIABLE = 'RNN_LAB_TEST_HOST_KIND';
