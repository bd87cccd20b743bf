/**
 * Where webpack's (and Rspack's) runtime loads lazy chunks from: its public path (`__webpack_require__.p`,
 * minified `r.p="/"`) followed by the chunk's file name (`r.u=e=>"static/js/async/"+e+".7fc0.js"`). Nothing in the
 * HTML shows that URL, so a build whose pages load `./static/js/index.js` while its runtime was built with a public
 * path of `/` passes every other check and breaks on the first lazy route. Only a root-relative public path written
 * as a literal is read: a relative one resolves against whichever page runs the script, `auto` and one assigned at
 * run time (`__webpack_public_path__ = window.x`) are computed, and a full URL is another host.
 */
import { isIdentChar } from './js-chars.js'
import type { OffsetRef } from './types.js'

/**
 * A runtime's chunk folder: `url` is the public path plus the folder part of the chunk file name (`/static/js/`),
 * `suffix` the end every chunk file name has, from the file name function (`.js`, `.async.js`, `.7fc070c37f.js`).
 */
export interface ChunkFolderRef extends OffsetRef {
  kind: 'js-chunk-folder'
  suffix: string
}

/**
 * Cheap test on the bytes: a minified runtime with a root-relative public path has `.p="/` in it (webpack writes the
 * path as JSON, and minifiers keep double quotes). One pass over a file the other tests ruled out (every search
 * costs about 0.2 s per GB); unminified development builds (`__webpack_require__.p = "/"`) are not looked for.
 */
export function mayHaveChunkFolder(bytes: Buffer): boolean {
  return bytes.indexOf(LITERAL) !== -1
}

const LITERAL = '.p="/'

/** After `<receiver>.u`: ` = function(e){return ` or ` = e => ` (sticky: tried at one position only). */
const FUNCTION_HEAD =
  /\s*=\s*(?:function\s*\(\s*[\w$]+\s*\)\s*\{\s*return\b\s*|\(?\s*[\w$]+\s*\)?\s*=>\s*)/y

/**
 * The runtimes in `src` with a root-relative public path. Bundles are megabytes and this runs on every one the scan
 * lexes: a plain search rules a file out, and only a file with the runtime's literal is looked at further.
 */
export function chunkFolderRefs(src: string): ChunkFolderRef[] {
  const out: ChunkFolderRef[] = []
  const first = src.indexOf(LITERAL)
  if (first === -1 || setAtRunTime(src)) return out
  const seen = new Set<string>()
  for (let i = first; i !== -1; i = src.indexOf(LITERAL, i + 1)) {
    // a file with many (a crafted one) costs a search of the whole text per receiver: a real runtime has one
    if (seen.size >= MAX_RECEIVERS) break
    let start = i
    while (start > 0 && isIdentChar(src.charCodeAt(start - 1))) start--
    const receiver = src.slice(start, i)
    // `a.b.p="/"` is not the runtime's own property
    if (receiver === '' || /^\d/.test(receiver) || src[start - 1] === '.' || seen.has(receiver))
      continue
    seen.add(receiver)
    const literal = stringAt(src, i + 3)
    if (literal === undefined || literal.value.startsWith('//')) continue
    // Set another way too (`__webpack_public_path__ = window.cdn`, or a second literal): the first literal is not
    // where chunks come from, or not for sure.
    if (assignedOtherwise(src, receiver, literal.value)) continue
    const name = chunkFileName(src, receiver)
    if (name === undefined) continue
    out.push({
      url: literal.value + name.prefix.slice(0, name.prefix.lastIndexOf('/') + 1),
      offset: i + 4,
      kind: 'js-chunk-folder',
      suffix: name.suffix
    })
  }
  return out
}

/** At most this many `.p="/…"` receivers are looked at in one file. */
const MAX_RECEIVERS = 8

/**
 * Signs that the public path is set when the page runs, from code under another name than the runtime's own
 * (`__webpack_public_path__ = …` compiles to the module's `n.p = …`): qiankun's injected path, Umi's
 * `runtimePublicPath` (`window.publicPath`), a development build's `__webpack_public_path__`, a `.p` assigned from
 * `window`, `self`, `globalThis` or `document`.
 */
function setAtRunTime(src: string): boolean {
  return (
    src.includes('__INJECTED_PUBLIC_PATH_BY_QIANKUN__') ||
    src.includes('__webpack_public_path__') ||
    /\.p\s*=\s*(?:window|self|globalThis|document)\b/.test(src) ||
    src.includes('window.publicPath') ||
    src.includes('window.resourceBaseUrl')
  )
}

/** Whether `<receiver>.p` is assigned anything but the double-quoted `literal` somewhere in `src`. */
function assignedOtherwise(src: string, receiver: string, literal: string): boolean {
  const member = `${receiver}.p`
  for (const i of memberAt(src, member)) {
    let j = i + member.length
    while (src[j] === ' ') j++
    if (src[j] !== '=' || src[j + 1] === '=') continue
    j++
    while (src[j] === ' ') j++
    if (src[j] !== '"' || stringAt(src, j)?.value !== literal) return true
  }
  return false
}

/**
 * The runtime's chunk file name function (`r.u=e=>"js/"+e+".js"`, `r.u=function(e){return({…}[e]||e)+".async.js"}`):
 * the string it starts with, when it starts with one, and the one it ends with.
 */
function chunkFileName(
  src: string,
  receiver: string
): { prefix: string; suffix: string } | undefined {
  const member = `${receiver}.u`
  let start = -1
  for (const i of memberAt(src, member)) {
    FUNCTION_HEAD.lastIndex = i + member.length
    if (FUNCTION_HEAD.exec(src) === null) continue
    start = FUNCTION_HEAD.lastIndex
    break
  }
  if (start === -1) return undefined
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

/** Where `member` (`r.p`) stands on its own in `src`: not the end of a longer name (`a.b.p`, `xr.p`), nor `r.push`. */
function* memberAt(src: string, member: string): Generator<number> {
  for (let i = src.indexOf(member); i !== -1; i = src.indexOf(member, i + 1)) {
    if (i > 0 && (isIdentChar(src.charCodeAt(i - 1)) || src[i - 1] === '.')) continue
    if (!isIdentChar(src.charCodeAt(i + member.length))) yield i
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
