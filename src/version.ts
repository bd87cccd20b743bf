/** Kept equal to package.json's version by a test; a literal keeps `--version` free of file reads. */
export const VERSION = '0.1.0'
