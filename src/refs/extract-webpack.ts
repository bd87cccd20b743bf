/**
 * Where webpack's (and Rspack's) runtime loads lazy chunks from: its public path (`__webpack_require__.p`,
 * minified `r.p="/"`) followed by the chunk's file name (`r.u=e=>"static/js/async/"+e+".7fc0.js"`). Nothing in the
 * HTML shows that URL, so a build whose pages load `./static/js/index.js` while its runtime was built with a public
 * path of `/` passes every other check and breaks on the first lazy route. Only a root-relative public path written
 * as a literal is read: a relative one resolves against whichever page runs the script, `auto` and one assigned at
 * run time (`__webpack_public_path__ = window.x`) are computed, and a full URL is another host.
 */
import type { OffsetRef } from './types.js'

/**
 * A runtime's chunk folder: `url` is the public path plus the folder part of the chunk file name (`/static/js/`),
 * `suffix` the end every chunk file name has, from the file name function (`.js`, `.async.js`, `.7fc070c37f.js`).
 */
export interface ChunkFolderRef extends OffsetRef {
  kind: 'js-chunk-folder'
  suffix: string
}

/** Any assignment to a `.p` (not a comparison): the runtime's, and any other that would override it. */
const ASSIGN_P = /([A-Za-z_$][\w$]*)\.p\s*=(?!=)\s*/g

/**
 * Cheap test on the bytes: a minified runtime with a root-relative public path has `.p="/` in it (webpack writes the
 * path as JSON, and minifiers keep double quotes). One pass over a file the other tests ruled out (every search
 * costs about 0.2 s per GB); unminified development builds (`__webpack_require__.p = "/"`) are not looked for.
 */
export function mayHaveChunkFolder(bytes: Buffer): boolean {
  return bytes.indexOf('.p="/') !== -1
}

export function chunkFolderRefs(src: string): ChunkFolderRef[] {
  if (src.indexOf('.p') === -1 || src.indexOf('.u') === -1) return []
  // Every value assigned to each receiver's `.p`: one runtime, unless the receiver is set in more than one way.
  const assigned = new Map<string, Array<{ value: string | undefined; offset: number }>>()
  for (const m of src.matchAll(ASSIGN_P)) {
    const at = m.index + m[0].length
    // Only the spelling the byte test looks for (`.p="/…"`) counts as the literal; any other is not read.
    const literal = m[0].endsWith('.p=') && src[at] === '"' ? stringAt(src, at) : undefined
    const list = assigned.get(m[1]!) ?? []
    list.push({ value: literal?.value, offset: at + 1 })
    assigned.set(m[1]!, list)
  }
  const out: ChunkFolderRef[] = []
  for (const [receiver, values] of assigned) {
    // Set at run time too (`__webpack_public_path__ = window.cdn`): the literal is not where chunks come from.
    if (values.some((v) => v.value === undefined)) continue
    const first = values[0]!
    const publicPath = first.value!
    if (!publicPath.startsWith('/') || publicPath.startsWith('//')) continue
    const name = chunkFileName(src, receiver)
    if (name === undefined) continue
    out.push({
      url: publicPath + name.prefix.slice(0, name.prefix.lastIndexOf('/') + 1),
      offset: first.offset,
      kind: 'js-chunk-folder',
      suffix: name.suffix
    })
  }
  return out
}

/**
 * The runtime's chunk file name function (`r.u=e=>"js/"+e+".js"`, `r.u=function(e){return({…}[e]||e)+".async.js"}`):
 * the string it starts with, when it starts with one, and the one it ends with.
 */
function chunkFileName(
  src: string,
  receiver: string
): { prefix: string; suffix: string } | undefined {
  const head = new RegExp(
    `(?<![\\w$])${receiver.replace(/\$/g, '\\$')}\\.u\\s*=\\s*(?:function\\s*\\(\\s*[\\w$]+\\s*\\)\\s*\\{\\s*return\\b\\s*|\\(?\\s*[\\w$]+\\s*\\)?\\s*=>\\s*)`,
    'g'
  ).exec(src)
  if (head === null) return undefined
  const start = head.index + head[0].length
  // The returned expression, up to the `,` `;` or `}` that ends it; the strings at its own level are what the
  // name is made of (those inside `{73:"p__index"}[e]` are chunk names).
  const strings: string[] = []
  let depth = 0
  for (let i = start; i < src.length && i < start + 4096; i++) {
    const c = src[i]
    if (c === '"' || c === "'" || c === '`') {
      const s = stringAt(src, i)
      if (s === undefined) return undefined
      if (depth === 0) strings.push(s.value)
      i = s.end - 1
    } else if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth < 0) break
    } else if (depth === 0 && (c === ',' || c === ';' || c === '\n')) break
  }
  if (strings.length === 0) return undefined
  const first = src[start]
  const suffix = strings[strings.length - 1]!
  return {
    prefix: first === '"' || first === "'" || first === '`' ? strings[0]! : '',
    suffix: suffix.includes('.') ? suffix : ''
  }
}

/** The plain string literal starting at `i` (no escapes, no `${}`), and where it ends. */
function stringAt(src: string, i: number): { value: string; end: number } | undefined {
  const quote = src[i]
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined
  const close = src.indexOf(quote, i + 1)
  if (close === -1) return undefined
  const value = src.slice(i + 1, close)
  if (value.includes('\\') || value.includes('\n') || (quote === '`' && value.includes('${')))
    return undefined
  return { value, end: close + 1 }
}
