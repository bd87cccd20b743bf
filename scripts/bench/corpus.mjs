#!/usr/bin/env node
// Builds the benchmark corpus: H5 offline-package trees made of the real built assets of pinned npm packages.
//
//   node scripts/bench/corpus.mjs [--sizes small,medium,large,global] [--plan] [--rebuild]
//
// Steps (everything lives under .bench/, which git ignores):
//   1. `npm ci --ignore-scripts --legacy-peer-deps` of scripts/bench/corpus-src/ into .bench/src/ — skipped when
//      .bench/src/.lock-sha256 says that exact lock is already installed.
//   2. Plan each tree: the files of the sources below, filtered to shippable assets, in sorted order, mapped to
//      package paths that our validator accepts (URL-safe names, no case collisions, paths ≤ 100 bytes); where a
//      file had to be renamed, the relative references to it in its package's JS/CSS are rewritten to match.
//   3. Copy into .bench/trees/<size>.tmp, stamp every mtime to 2017-12-28, check the (path,size) list against
//      the plan, then rename into place and record it in .bench/trees/MANIFEST.txt.
//      A tree whose plan hash is already in MANIFEST and matches what is on disk is not rebuilt.
//
// The selection follows /work/shared/bench/README.md (same pinned packages, similar sizes) so that `npm run bench`
// stays comparable with the figures in the performance anchors; one deliberate difference is noted at antd/es.
// `--plan [--verbose]` prints each tree's make-up and renames without copying anything (for tuning).

import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
export const PROJECT_ROOT = path.resolve(HERE, '../..')
export const BENCH_DIR = path.join(PROJECT_ROOT, '.bench')
const SRC_DIR = path.join(BENCH_DIR, 'src')
const MODULES_DIR = path.join(SRC_DIR, 'node_modules')
export const TREES_DIR = path.join(BENCH_DIR, 'trees')
const MANIFEST_PATH = path.join(TREES_DIR, 'MANIFEST.txt')
const RECIPE_DIR = path.join(HERE, 'corpus-src')

export const TREE_NAMES = ['small', 'medium', 'large', 'global', 'one', 'double']
/** What `npm run bench` measures unless told otherwise; `double` (830 MB) is for the memory question only. */
export const DEFAULT_TREES = ['small', 'medium', 'large', 'global']

// 2017-12-28T00:00:00Z, the date in the package ID: a fixed mtime keeps zip inputs identical across rebuilds.
const FIXED_MTIME = new Date(Date.UTC(2017, 11, 28))

// What a tree is: its ID folder, where package files go, and how long a path after the ID folder may be.
// Standard: tar-path-length warns above 100 bytes. Global: `https://` + path after the ID folder ≤ 100 chars.
const GLOBAL_BASE = 'mcube-prod.mpaascloud.com/53E5279071442_test'
export const TREE_LAYOUT = {
  small: { type: 'standard', id: '20171228', base: 'www/lib', maxPath: 100 },
  medium: { type: 'standard', id: '20171228', base: 'www/lib', maxPath: 100 },
  large: { type: 'standard', id: '20171228', base: 'www/lib', maxPath: 100 },
  // `v1/` is the version folder users are told to add under <appId>_<workspace>/; kept short because every
  // character of it is taken from the 100 the URL may have (font-awesome's webfont URLs land at exactly 100).
  global: {
    type: 'global',
    id: '77777777',
    base: `${GLOBAL_BASE}/v1`,
    maxPath: 100 - 'https://'.length
  },
  // Memory against package size: a package of one page, and the large tree twice over (www/lib and www/li2).
  one: { type: 'standard', id: '20171228', base: 'www', maxPath: 100 },
  double: { type: 'standard', id: '20171228', base: 'www/lib', maxPath: 100 }
}

// ---------------------------------------------------------------------------------------------------------------
// Selection. `from` is a folder of node_modules, `to` the folder under the tree's base, `only` / `skip` filter the
// path relative to `from`, `take` caps the count per tree (first N in sorted order) and `offset` drops the first N
// (the part a smaller tree already took). Standard sources carry the smallest tree they join (`tier`):
// small ⊂ medium ⊂ large, so the bigger trees are the smaller ones plus more.
// ---------------------------------------------------------------------------------------------------------------

// KaTeX's minified build with every font its stylesheet names (woff2, woff and ttf, or the CSS has broken refs).
const KATEX_SMALL = /^(katex\.min\.(css|js)|fonts\/)/

const STANDARD_SOURCES = [
  // small: the vendor files of a plain H5 page, plus a few hundred emoji PNGs.
  {
    tier: 'small',
    from: 'react/umd',
    to: 'react',
    only: /^react\.(development|production\.min)\.js$/
  },
  {
    tier: 'small',
    from: 'react-dom/umd',
    to: 'react-dom',
    only: /^react-dom\.(development|production\.min)\.js$/
  },
  {
    tier: 'small',
    from: 'vue/dist',
    to: 'vue',
    only: /^vue\.(global|global\.prod|esm-browser\.prod)\.js$/
  },
  { tier: 'small', from: 'jquery/dist', to: 'jquery', only: /^jquery(\.min)?\.js$/ },
  { tier: 'small', from: 'lodash', to: 'lodash', only: /^lodash(\.min)?\.js$/ },
  {
    tier: 'small',
    from: 'bootstrap/dist',
    to: 'bootstrap',
    only: /^(css\/bootstrap|js\/bootstrap\.bundle)\./
  },
  { tier: 'small', from: 'bootstrap-icons/font', to: 'bootstrap-icons' },
  { tier: 'small', from: 'font-awesome', to: 'font-awesome', only: /^(css|fonts)\// },
  { tier: 'small', from: 'leaflet/dist', to: 'leaflet', skip: /^leaflet-src\.esm\.js$/ },
  { tier: 'small', from: 'swiper', to: 'swiper', only: /^swiper-bundle\.(min\.)?(css|js)$/ },
  { tier: 'small', from: 'echarts/dist', to: 'echarts', only: /^echarts\.simple\.min\.js$/ },
  { tier: 'small', from: 'katex/dist', to: 'katex', only: KATEX_SMALL },
  { tier: 'small', from: 'pdfjs-dist/build', to: 'pdfjs/build', only: /^pdf\.min\.mjs$/ },
  {
    tier: 'small',
    from: 'emoji-datasource-apple/img/apple/64',
    to: 'emoji/64',
    take: { small: 192, medium: 330 }
  },
  {
    tier: 'small',
    from: 'emoji-datasource-apple/img/apple/sheets-128',
    to: 'emoji/sheets-128',
    only: /^16\./
  },

  // medium: what a rich H5 app ships — vendor bundles, pdf.js, tinymce, katex, icons, video.
  { tier: 'medium', from: 'echarts/dist', to: 'echarts', skip: /^echarts\.(simple\.min|esm)\.js$/ },
  { tier: 'medium', from: 'antd/dist', to: 'antd', skip: /^antd-with-locales\.js$/ },
  { tier: 'medium', from: 'element-plus/dist', to: 'element-plus' },
  { tier: 'medium', from: 'element-plus/theme-chalk', to: 'element-plus/theme-chalk' },
  { tier: 'medium', from: 'three/build', to: 'three/build' },
  { tier: 'medium', from: 'tinymce', to: 'tinymce' },
  { tier: 'medium', from: 'pdfjs-dist/build', to: 'pdfjs/build', skip: /^pdf\.min\.mjs$/ },
  { tier: 'medium', from: 'pdfjs-dist/web', to: 'pdfjs/web' },
  { tier: 'medium', from: 'pdfjs-dist/cmaps', to: 'pdfjs/cmaps' },
  { tier: 'medium', from: 'pdfjs-dist/standard_fonts', to: 'pdfjs/standard_fonts' },
  { tier: 'medium', from: 'pdfjs-dist/wasm', to: 'pdfjs/wasm' },
  { tier: 'medium', from: 'katex/dist', to: 'katex', skip: KATEX_SMALL },
  { tier: 'medium', from: '@fortawesome/fontawesome-free/css', to: 'fontawesome/css' },
  { tier: 'medium', from: '@fortawesome/fontawesome-free/webfonts', to: 'fontawesome/webfonts' },
  {
    tier: 'medium',
    from: 'bootstrap-icons/icons',
    to: 'bootstrap-icons/icons',
    take: { medium: 1230 }
  },
  { tier: 'medium', from: 'video.js/dist', to: 'video-js', skip: /^alt\// },
  {
    tier: 'medium',
    from: 'highlight.js/styles',
    to: 'highlight/styles',
    only: /\.(min\.css|png|jpg)$/
  },

  // large: deliberately heavy — editors, globe, maths, ESM trees and ~4,000 emoji PNGs with big sprite sheets.
  { tier: 'large', from: 'bootstrap-icons/icons', to: 'bootstrap-icons/icons', offset: 1230 },
  { tier: 'large', from: 'antd/dist', to: 'antd', only: /^antd-with-locales\.js$/ },
  { tier: 'large', from: 'echarts/dist', to: 'echarts', only: /^echarts\.esm\.js$/ },
  { tier: 'large', from: 'monaco-editor/min', to: 'monaco/min' },
  { tier: 'large', from: 'monaco-editor/dev', to: 'monaco/dev' },
  { tier: 'large', from: 'monaco-editor/esm', to: 'monaco/esm' },
  { tier: 'large', from: 'cesium/Build/Cesium', to: 'cesium/min' },
  { tier: 'large', from: 'cesium/Build/CesiumUnminified', to: 'cesium/dev' },
  // Cesium's worker chunks load `new URL('wasm_splats_bg.wasm', import.meta.url)`, which npm ships only under
  // ThirdParty/; a copy next to the workers is what a deployment needs, and keeps ref-broken quiet.
  {
    tier: 'large',
    from: 'cesium/Build/Cesium/ThirdParty',
    to: 'cesium/min/Workers',
    only: /^wasm_splats/
  },
  {
    tier: 'large',
    from: 'cesium/Build/CesiumUnminified/ThirdParty',
    to: 'cesium/dev/Workers',
    only: /^wasm_splats/
  },
  { tier: 'large', from: 'ace-builds/src-min-noconflict', to: 'ace/min-noconflict' },
  { tier: 'large', from: 'ace-builds/src-min', to: 'ace/min' },
  { tier: 'large', from: 'ace-builds/src', to: 'ace/src' },
  { tier: 'large', from: 'mathjax/es5', to: 'mathjax' },
  // Browser-loadable ESM trees (full relative specifiers). antd/es is left out on purpose: its specifiers have
  // no extension (`../_util/is`), only a bundler resolves them, and the validator rightly flags ~2,500 of them.
  { tier: 'large', from: 'lodash-es', to: 'lodash-es' },
  { tier: 'large', from: 'element-plus/es', to: 'element-plus/es' },
  { tier: 'large', from: 'echarts/lib', to: 'echarts/lib' },
  { tier: 'large', from: 'three/examples/jsm', to: 'three/examples/jsm' },
  { tier: 'large', from: 'three/src', to: 'three/src' },
  { tier: 'large', from: 'emoji-datasource-apple/img/apple/64', to: 'emoji/64', offset: 330 },
  {
    tier: 'large',
    from: 'emoji-datasource-apple/img/apple',
    to: 'emoji',
    only: /^sheets(-256)?\//
  },
  {
    tier: 'large',
    from: 'emoji-datasource-apple/img/apple/sheets-128',
    to: 'emoji/sheets-128',
    skip: /^16\./
  },
  {
    tier: 'large',
    from: 'emoji-datasource-apple',
    to: 'emoji',
    only: /^(emoji|categories)\.json$/
  },
  { tier: 'large', from: 'flag-icons', to: 'flag-icons', only: /^(css|flags)\// },
  { tier: 'large', from: '@fortawesome/fontawesome-free/js', to: 'fontawesome/js' },
  { tier: 'large', from: '@fortawesome/fontawesome-free/svgs', to: 'fontawesome/svgs' },
  { tier: 'large', from: 'highlight.js/es', to: 'highlight/es' },
  { tier: 'large', from: 'highlight.js/lib', to: 'highlight/lib' }, // highlight/es re-exports ../lib/*.js
  {
    tier: 'large',
    from: 'highlight.js/styles',
    to: 'highlight/styles',
    skip: /\.(min\.css|png|jpg)$/
  },
  { tier: 'large', from: 'vant/es', to: 'vant/es' },
  { tier: 'large', from: 'vant/lib', to: 'vant/lib' },
  { tier: 'large', from: 'video.js/dist/alt', to: 'video-js/alt' },
  { tier: 'large', from: 'pdfjs-dist/legacy', to: 'pdfjs/legacy' }
]

// The global package: shared libraries and fonts that many pages load by absolute URL.
const GLOBAL_SOURCES = [
  { from: 'react/umd', to: 'react', only: /^react\.production\.min\.js$/ },
  { from: 'react-dom/umd', to: 'react-dom', only: /^react-dom\.production\.min\.js$/ },
  { from: 'vue/dist', to: 'vue', only: /^vue\.global\.prod\.js$/ },
  { from: 'jquery/dist', to: 'jquery', only: /^jquery\.min\.js$/ },
  { from: 'lodash', to: 'lodash', only: /^lodash\.min\.js$/ },
  { from: 'echarts/dist', to: 'echarts', only: /^echarts\.min\.js$/ },
  {
    from: 'bootstrap/dist',
    to: 'bootstrap',
    only: /^(css\/bootstrap|js\/bootstrap\.bundle)\.min\./
  },
  { from: 'swiper', to: 'swiper', only: /^swiper-bundle\.min\.(css|js)$/ },
  { from: 'leaflet/dist', to: 'leaflet', only: /^(leaflet\.(css|js)|images\/)/ },
  { from: 'font-awesome', to: 'font-awesome', only: /^(css\/font-awesome\.min\.css|fonts\/)/ },
  {
    from: '@fortawesome/fontawesome-free',
    to: 'fa',
    only: /^(css\/all\.min\.css|webfonts\/)/
  },
  { from: 'element-plus/dist', to: 'element-plus', only: /^index\.css$/ },
  { from: 'video.js/dist', to: 'video-js', only: /^video(\.min\.js|-js\.min\.css)$/ },
  { from: 'emoji-datasource-apple/img/apple/64', to: 'emoji', take: { global: 68 } }
]

// Only shippable, built files: the asset types of an H5 page. No source maps, typings, docs or npm metadata.
const ASSET_EXTENSIONS = new Set(
  'js mjs css html svg png jpg gif webp ico woff woff2 ttf eot otf json wasm bcmap'.split(' ')
)
const SKIP_NAMES =
  /^(package|bower|composer|component|jsconfig|typedoc|tsconfig(\..*)?)\.json$|\.d\.[cm]?ts$/i
const SKIP_FOLDERS = new Set(
  'node_modules types typings test tests __tests__ docs doc example examples demo demos'.split(' ')
)

/** The sources a tree is made of: its own tier and every smaller one (global has its own list). */
function sourcesOf(tree) {
  if (tree === 'global') return GLOBAL_SOURCES
  const joined = TREE_NAMES.slice(0, TREE_NAMES.indexOf(tree) + 1)
  return STANDARD_SOURCES.filter((s) => joined.includes(s.tier))
}

/** Every file below `dir`, relative, sorted by code unit so the order never depends on locale or disk. */
function listFiles(dir) {
  const out = []
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile()) out.push(child)
    }
  }
  walk('')
  return out.sort(byCodeUnit)
}

function byCodeUnit(a, b) {
  return a < b ? -1 : a > b ? 1 : 0
}

function isShippable(rel) {
  const segments = rel.split('/')
  const name = segments.at(-1)
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
  if (!ASSET_EXTENSIONS.has(ext) || SKIP_NAMES.test(name)) return false
  return !segments.some((s) => s.startsWith('.') || SKIP_FOLDERS.has(s.toLowerCase()))
}

/** The files one source contributes to one tree: shippable, filtered, then cut by `take` / `skip` counts. */
function selectFiles(source, tree) {
  let files = listFiles(path.join(MODULES_DIR, source.from)).filter(isShippable)
  if (source.only) files = files.filter((rel) => source.only.test(rel))
  if (source.skip) files = files.filter((rel) => !source.skip.test(rel))
  if (source.offset) files = files.slice(source.offset)
  const take = takeFor(source, tree)
  return take === undefined ? files : files.slice(0, take)
}

/** A `take` given for a smaller tree holds for the bigger ones too, unless they name their own. */
function takeFor(source, tree) {
  let take
  for (const t of TREE_NAMES.slice(0, TREE_NAMES.indexOf(tree) + 1)) take = source.take?.[t] ?? take
  return take
}

// ---------------------------------------------------------------------------------------------------------------
// Naming: the validator flags characters `urlencode` changes, paths longer than the limit and case collisions, so
// the planner renames deterministically (same input, same names) instead of shipping such files.
// ---------------------------------------------------------------------------------------------------------------

const shortHash = (text, n) => createHash('sha256').update(text).digest('hex').slice(0, n)

/** `@vscode` → `vscode`, `~Cache.js` → `Cache.js`, anything else outside [A-Za-z0-9._-] → `_`. */
function safeSegment(segment) {
  const cleaned = segment.replace(/^[@~]+/, '').replace(/[^A-Za-z0-9._-]/g, '_')
  return cleaned || '_'
}

/**
 * Shortens `prefix/dirs/name` to `max` bytes (names are ASCII by now, so bytes = characters): first the folders
 * collapse into one hashed folder, then, if needed, the name is cut and given a hash.
 */
function fitPath(prefix, rel, max) {
  const full = `${prefix}/${rel}`
  if (full.length <= max) return full
  const slash = rel.lastIndexOf('/')
  const name = rel.slice(slash + 1)
  // Renamed files of one source folder share one hashed folder; references to them are rewritten later.
  const dir = slash < 0 ? '' : `d${shortHash(rel.slice(0, slash), 8)}/`
  if (prefix.length + 1 + dir.length + name.length <= max) return `${prefix}/${dir}${name}`
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 ? name.slice(dot) : ''
  const room = max - prefix.length - 1 - dir.length - ext.length - 7
  return `${prefix}/${dir}${name.slice(0, Math.max(1, room))}-${shortHash(name, 6)}${ext}`
}

/** Renames later entries whose path equals an earlier one ignoring case (phones' disks are case-sensitive, Macs not). */
function resolveCaseCollisions(entries) {
  const seen = new Set()
  for (const [i, entry] of entries.entries()) {
    // Two sources writing the same path is a mistake in the selection, not something to rename away.
    if (i > 0 && entries[i - 1].path === entry.path) {
      throw new Error(`corpus: ${entry.path} selected twice`)
    }
    let candidate = entry.path
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) {
      const dot = entry.path.lastIndexOf('.')
      const cut = dot > entry.path.lastIndexOf('/') ? dot : entry.path.length
      candidate = `${entry.path.slice(0, cut)}-${n}${entry.path.slice(cut)}`
    }
    seen.add(candidate.toLowerCase())
    entry.path = candidate
  }
}

const isRenamed = (entry) => entry.path !== entry.natural

// Relative references that can name a renamed file: quoted `./x` / `../x` in scripts and pages, url(x) in CSS.
const SCRIPT_REF = /(['"`])(\.\.?\/[^'"`\s]*)\1/g
const STYLE_REF = /url\(\s*(['"]?)([^'")\s]+)\1\s*\)/g

/**
 * After renaming, the files of a source that name a renamed sibling (e.g. `import './x.vue_vue_type….mjs'` in
 * element-plus, `../@vscode/l10n/…` in monaco) get that reference rewritten, so the package stays whole: a renamed
 * file may cost a tar-path-length warning nothing, but a broken import would be a ref-broken error.
 */
function rewriteRenamedRefs(entries) {
  const bySource = new Map()
  for (const entry of entries) {
    if (!bySource.has(entry.source)) bySource.set(entry.source, new Map())
    bySource.get(entry.source).set(entry.rel, entry)
  }
  for (const files of bySource.values()) {
    if (![...files.values()].some(isRenamed)) continue
    for (const entry of files.values()) rewriteRefsOf(entry, files)
  }
}

function rewriteRefsOf(entry, files) {
  const pattern = /\.css$/i.test(entry.rel)
    ? STYLE_REF
    : /\.(m?js|html)$/i.test(entry.rel)
      ? SCRIPT_REF
      : null
  if (!pattern) return
  const text = fs.readFileSync(entry.src, 'utf8')
  const rewritten = text.replace(pattern, (match, quote, ref) => {
    if (/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(ref) || ref.includes('${')) return match
    const [, refPath, suffix] = /^([^?#]*)(.*)$/.exec(ref)
    const target = files.get(path.posix.join(path.posix.dirname(entry.rel), refPath))
    if (!target || (!isRenamed(target) && !isRenamed(entry))) return match
    let next = path.posix.relative(path.posix.dirname(entry.path), target.path)
    if (!next.startsWith('.')) next = `./${next}`
    return match.replace(ref, `${next}${suffix}`)
  })
  if (rewritten === text) return
  entry.content = Buffer.from(rewritten)
  entry.size = entry.content.length
}

/** The files one source contributes, each with its package path (URL-safe, fitted to the length limit). */
function planSource(source, tree, layout) {
  const prefix = `${layout.base}/${source.to}`
  return selectFiles(source, tree).map((rel) => {
    const src = path.join(MODULES_DIR, source.from, rel)
    const safeRel = rel.split('/').map(safeSegment).join('/')
    const fitted = fitPath(prefix, safeRel, layout.maxPath)
    return {
      path: fitted,
      natural: `${prefix}/${rel}`,
      size: fs.statSync(src).size,
      src,
      source,
      rel
    }
  })
}

/**
 * The plan of one tree: sorted entries { path (relative to the tree root), size, src | content }.
 * Paths start with the ID folder, e.g. `20171228/www/lib/vue/vue.global.js`.
 */
export function planTree(tree) {
  if (tree === 'one') {
    const content = Buffer.from(
      '<!doctype html>\n<title>One page</title>\n<p>A package of one file.</p>\n'
    )
    return [{ path: '20171228/www/index.html', size: content.length, content }]
  }
  if (tree === 'double') {
    const copy = (e) => ({ ...e, path: e.path.replace('/www/lib/', '/www/li2/') })
    const large = planTree('large')
    const twice = [...large, ...large.filter((e) => e.path.includes('/www/lib/')).map(copy)]
    return twice.sort((a, b) => byCodeUnit(a.path, b.path))
  }
  const layout = TREE_LAYOUT[tree]
  const entries = sourcesOf(tree).flatMap((source) => planSource(source, tree, layout))
  entries.sort((a, b) => byCodeUnit(a.path, b.path))
  resolveCaseCollisions(entries)
  rewriteRenamedRefs(entries)
  if (layout.type === 'standard') entries.push(indexHtmlEntry(entries))
  for (const entry of entries) entry.path = `${layout.id}/${entry.path}`
  return entries.sort((a, b) => byCodeUnit(a.path, b.path))
}

/** A main entry page linking the first stylesheet, script and image of each library, by relative URL. */
function indexHtmlEntry(entries) {
  const firstPerLibrary = (pattern, limit) => {
    const picked = new Map()
    for (const { path: p } of entries) {
      const library = p.split('/')[2]
      if (pattern.test(p) && !picked.has(library)) picked.set(library, p.slice('www/'.length))
    }
    return [...picked.values()].slice(0, limit)
  }
  const css = firstPerLibrary(/\.min\.css$/, 8)
  const js = firstPerLibrary(/\.min\.js$/, 8)
  const images = firstPerLibrary(/\.(png|jpg|gif)$/, 8)
  const lines = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>H5 offline package benchmark</title>',
    ...css.map((href) => `<link rel="stylesheet" href="${href}">`),
    '</head>',
    '<body>',
    '<h1>Benchmark corpus</h1>',
    ...images.map((src) => `<img src="${src}" alt="">`),
    ...js.map((src) => `<script src="${src}"></script>`),
    '</body>',
    '</html>',
    ''
  ]
  const content = Buffer.from(lines.join('\n'))
  return { path: 'www/index.html', size: content.length, content }
}

// ---------------------------------------------------------------------------------------------------------------
// Hashes and the manifest.
// ---------------------------------------------------------------------------------------------------------------

/** sha256 of the sorted `path<TAB>size<LF>` list, plus the summary figures that go into MANIFEST.txt. */
export function summarize(entries) {
  const hash = createHash('sha256')
  let bytes = 0
  let longest = 0
  for (const { path: p, size } of entries) {
    hash.update(`${p}\t${size}\n`)
    bytes += size
    longest = Math.max(longest, Buffer.byteLength(p) - p.indexOf('/') - 1)
  }
  return { files: entries.length, bytes, longest, sha256: hash.digest('hex') }
}

/** The (path, size) list of a built tree, read back from disk. */
function scanTree(root) {
  return listFiles(root).map((p) => ({ path: p, size: fs.statSync(path.join(root, p)).size }))
}

export function readManifest() {
  const manifest = {}
  if (!fs.existsSync(MANIFEST_PATH)) return manifest
  for (const line of fs.readFileSync(MANIFEST_PATH, 'utf8').split('\n')) {
    const [tree, files, bytes, longest, sha256] = line.split('\t')
    if (TREE_NAMES.includes(tree)) {
      manifest[tree] = { files: +files, bytes: +bytes, longest: +longest, sha256 }
    }
  }
  return manifest
}

function writeManifest(manifest) {
  const lines = [
    '# H5 offline-package benchmark corpus, built by scripts/bench/corpus.mjs',
    '# sha256 = sha256 of the sorted "path<TAB>size<LF>" list of every file; longest = bytes after the ID folder',
    '# tree\tfiles\tbytes\tlongest\tsha256',
    ...TREE_NAMES.filter((t) => manifest[t]).map((t) => {
      const m = manifest[t]
      return [t, m.files, m.bytes, m.longest, m.sha256].join('\t')
    })
  ]
  fs.writeFileSync(MANIFEST_PATH, `${lines.join('\n')}\n`)
}

// ---------------------------------------------------------------------------------------------------------------
// Building.
// ---------------------------------------------------------------------------------------------------------------

/** npm ci of the pinned recipe, unless the same lock is already installed. */
function installSources(log) {
  const lock = fs.readFileSync(path.join(RECIPE_DIR, 'package-lock.json'))
  const lockSha = createHash('sha256').update(lock).digest('hex')
  const stamp = path.join(SRC_DIR, '.lock-sha256')
  if (
    fs.existsSync(MODULES_DIR) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === lockSha
  )
    return
  log(`corpus: npm ci of the pinned packages into ${path.relative(PROJECT_ROOT, SRC_DIR)}/ …`)
  fs.mkdirSync(SRC_DIR, { recursive: true })
  fs.rmSync(stamp, { force: true })
  for (const name of ['package.json', 'package-lock.json']) {
    fs.copyFileSync(path.join(RECIPE_DIR, name), path.join(SRC_DIR, name))
  }
  const args = [
    'ci',
    '--ignore-scripts',
    '--legacy-peer-deps',
    '--no-audit',
    '--no-fund',
    '--loglevel=error'
  ]
  const result = spawnSync('npm', args, { cwd: SRC_DIR, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`npm ci failed in ${SRC_DIR} (exit ${result.status})`)
  fs.writeFileSync(stamp, lockSha)
}

/** Writes the planned files into `root`, then stamps files and folders (deepest first) with the fixed mtime. */
function writeTree(root, entries) {
  const folders = new Set([root])
  for (const entry of entries) {
    const target = path.join(root, entry.path)
    const folder = path.dirname(target)
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true })
      for (let f = folder; !folders.has(f); f = path.dirname(f)) folders.add(f)
    }
    if (entry.content) fs.writeFileSync(target, entry.content)
    else fs.copyFileSync(entry.src, target)
    fs.utimesSync(target, FIXED_MTIME, FIXED_MTIME)
  }
  // Folder mtimes change while files are added, so they are set last, children before parents.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    fs.utimesSync(folder, FIXED_MTIME, FIXED_MTIME)
  }
}

/** Builds one tree unless MANIFEST and the disk already hold exactly this plan. Returns its summary. */
function buildTree(tree, { rebuild, log }) {
  const entries = planTree(tree)
  const summary = summarize(entries)
  const root = path.join(TREES_DIR, tree)
  const recorded = readManifest()[tree]
  if (!rebuild && recorded?.sha256 === summary.sha256 && fs.existsSync(root)) {
    if (summarize(scanTree(root)).sha256 === summary.sha256) return { ...summary, cached: true }
  }
  log(`corpus: building ${tree} (${summary.files} files, ${mib(summary.bytes)} MiB) …`)
  const staging = `${root}.tmp`
  fs.rmSync(staging, { recursive: true, force: true })
  writeTree(staging, entries)
  // Read the tree back: the manifest records what is on disk, not what we meant to write.
  const written = summarize(scanTree(staging))
  if (written.sha256 !== summary.sha256) {
    throw new Error(
      `corpus: ${tree} on disk differs from its plan (${written.files} vs ${summary.files} files)`
    )
  }
  fs.rmSync(root, { recursive: true, force: true })
  fs.renameSync(staging, root)
  writeManifest({ ...readManifest(), [tree]: summary })
  return { ...summary, cached: false }
}

/**
 * Builds (or reuses) the requested trees. Returns { [tree]: { root, id, type, files, bytes, longest, sha256 } }.
 */
export function buildCorpus({ sizes = DEFAULT_TREES, rebuild = false, log = console.error } = {}) {
  installSources(log)
  fs.mkdirSync(TREES_DIR, { recursive: true })
  const result = {}
  for (const tree of sizes) {
    const started = Date.now()
    const summary = buildTree(tree, { rebuild, log })
    const took = summary.cached
      ? 'cached'
      : `built in ${((Date.now() - started) / 1000).toFixed(1)} s`
    log(`corpus: ${tree}: ${summary.files} files, ${mib(summary.bytes)} MiB, ${took}`)
    for (const warning of checkStylesheetRefs(path.join(TREES_DIR, tree)))
      log(`corpus: warning: ${warning}`)
    result[tree] = { ...summary, ...TREE_LAYOUT[tree], root: path.join(TREES_DIR, tree) }
  }
  return result
}

/**
 * A sanity check, not the validator: every relative url() of every stylesheet should name a file of the tree,
 * otherwise the renaming above broke a package. Returns at most a few warnings.
 */
function checkStylesheetRefs(root) {
  const broken = []
  for (const rel of listFiles(root).filter((p) => p.endsWith('.css'))) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8')
    for (const [, , url] of text.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      if (/^([a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(url) || url.includes('${')) continue
      const target = path.join(root, path.dirname(rel), decodeURI(url.replace(/[?#].*$/, '')))
      if (!fs.existsSync(target)) broken.push(`${rel}: url(${url})`)
    }
  }
  const shown = broken.slice(0, 5)
  if (broken.length > shown.length)
    shown.push(`… and ${broken.length - shown.length} more broken url()`)
  return shown
}

export const mib = (bytes) => (bytes / 1048576).toFixed(1)

// ---------------------------------------------------------------------------------------------------------------
// Command line.
// ---------------------------------------------------------------------------------------------------------------

/** `--plan`: per-tree make-up by extension, without copying. */
function printPlan(sizes, verbose) {
  for (const tree of sizes) {
    const entries = planTree(tree)
    const summary = summarize(entries)
    const byExt = {}
    for (const { path: p, size } of entries) {
      const ext = path.extname(p).slice(1).toLowerCase()
      byExt[ext] = byExt[ext] ?? { files: 0, bytes: 0 }
      byExt[ext].files++
      byExt[ext].bytes += size
    }
    const mix = Object.entries(byExt)
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .map(([ext, v]) => `${ext} ${v.files}/${mib(v.bytes)}`)
      .join(', ')
    console.log(
      `${tree}: ${summary.files} files, ${mib(summary.bytes)} MiB, longest ${summary.longest} B`
    )
    console.log(`  ${mix}`)
    const renamed = entries.filter(
      (e) => e.natural && e.path !== `${TREE_LAYOUT[tree].id}/${e.natural}`
    )
    const rewritten = entries.filter((e) => e.content && e.src)
    console.log(
      `  sha256 ${summary.sha256.slice(0, 16)}, ${renamed.length} renamed, ${rewritten.length} rewritten`
    )
    for (const e of renamed.slice(0, verbose ? Infinity : 3))
      console.log(`    ${e.source.from}/${e.rel} → ${e.path}`)
  }
}

function parseSizes(argv) {
  const i = argv.indexOf('--sizes')
  const sizes = i >= 0 ? argv[i + 1].split(',') : DEFAULT_TREES
  for (const s of sizes) if (!TREE_NAMES.includes(s)) throw new Error(`unknown tree "${s}"`)
  return sizes
}

function main(argv) {
  const sizes = parseSizes(argv)
  if (argv.includes('--plan')) {
    installSources(console.error)
    printPlan(sizes, argv.includes('--verbose'))
    return
  }
  const started = Date.now()
  const trees = buildCorpus({ sizes, rebuild: argv.includes('--rebuild') })
  for (const [tree, t] of Object.entries(trees)) {
    console.log(
      `${tree}\t${t.files} files\t${mib(t.bytes)} MiB\tlongest ${t.longest} B\t${t.sha256.slice(0, 16)}`
    )
  }
  console.log(
    `corpus ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${path.relative(PROJECT_ROOT, TREES_DIR)}/`
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2))
  } catch (error) {
    console.error(error.message)
    process.exit(1)
  }
}
