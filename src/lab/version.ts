// The version of RNN Lab that trained a run, written into every run record so a re-run can say which engine made the
// numbers it compares against. Kept equal to package.json's "version" by a unit test.
export const RNN_LAB_VERSION = '0.1.0';
