/**
 * Offset → line/column conversion shared by the reference extractors.
 *
 * Conventions (the same for HTML, CSS and JS):
 * - Offsets are 0-based indexes into the JavaScript string, i.e. UTF-16 code
 *   units, counted after a leading byte-order mark has been removed.
 * - `line` is 1-based. A line ends at `\n`, `\r\n` or a lone `\r` (each counts
 *   as one line break). U+2028/U+2029 and form feed do NOT start a new line:
 *   minifiers leave U+2028 inside string literals and editors disagree about it.
 * - `column` is 1-based and counts UTF-16 code units from the start of the line
 *   (an astral character such as an emoji counts as 2, a tab as 1). This is
 *   what VS Code, Chrome DevTools and source maps use, so a column taken from a
 *   minified one-line bundle can be pasted into "go to line:column".
 */

/** A 1-based position in a file. */
export interface Position {
  line: number
  column: number
}

const BOM = 0xfeff

/** Removes one leading U+FEFF so that column 1 is the first real character. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text
}

/**
 * Start offsets of every line of `text`. `starts[0]` is always 0.
 * Uses `indexOf` (fast native scan) unless the text contains a carriage return.
 */
export function computeLineStarts(text: string): number[] {
  const starts = [0]
  if (text.indexOf('\r') === -1) {
    let i = text.indexOf('\n')
    while (i !== -1) {
      starts.push(i + 1)
      i = text.indexOf('\n', i + 1)
    }
    return starts
  }
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      starts.push(i + 1)
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++
      starts.push(i + 1)
    }
  }
  return starts
}

/**
 * Maps offsets of one text to positions. The line table is built on the first
 * lookup, so files without references never pay for it.
 */
export class LineIndex {
  private starts: number[] | undefined

  constructor(private readonly text: string) {}

  /** Number of lines (a trailing line break starts a last, empty line). */
  get lineCount(): number {
    return this.lineStarts().length
  }

  /** Position of a 0-based offset; offsets past the end are clamped. */
  position(offset: number): Position {
    const starts = this.lineStarts()
    const off = offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset
    // Binary search for the last line start <= off.
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (starts[mid] <= off) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: off - starts[lo] + 1 }
  }

  /** 0-based offset of a 1-based position (inverse of {@link position}). */
  offset(line: number, column: number): number {
    const starts = this.lineStarts()
    const l = Math.min(Math.max(line, 1), starts.length)
    return starts[l - 1] + column - 1
  }

  private lineStarts(): number[] {
    if (this.starts === undefined) this.starts = computeLineStarts(this.text)
    return this.starts
  }
}
