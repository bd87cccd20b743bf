export const id = 541;
export const ids = [541];
export const modules = {

/***/ 8541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diffToJson: () => (/* reexport */ diffToJson),
  diffZips: () => (/* reexport */ diffZips),
  formatDiffMarkdown: () => (/* reexport */ formatDiffMarkdown),
  formatDiffText: () => (/* reexport */ formatDiffText),
  writeDeltaZip: () => (/* reexport */ writeDeltaZip)
});

// UNUSED EXPORTS: REMOVED_LIST, diffListings, formatBytes, formatDelta, formatPercent, hashedKey, isHashToken, listZip

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: ./src/core/config.ts
var config = __webpack_require__(4489);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/findings.ts
var findings = __webpack_require__(4637);
// EXTERNAL MODULE: ./src/core/zip-source.ts
var zip_source = __webpack_require__(3420);
;// CONCATENATED MODULE: ./src/diff/hashed-names.ts
/**
 * Build tools put a content hash in file names (`app.3f2a1c.js`, Vite's `index-BxK3a9Zq.js`, webpack's
 * `chunk-05e46849.33cc3897.css`), so every rebuild of a changed file is a new name. `hashedKey` replaces the
 * hash-like parts of a name with `*`: two names with the same key in the same folder are one file, renamed.
 */
/** A hash-like token: hex with a digit (6+), or base64url/alphanumeric (8+) with a digit, or Vite's 8 mixed-case letters. */
function isHashToken(token) {
    if (/^[0-9a-f]{6,64}$/.test(token) && /\d/.test(token))
        return true;
    if (/^[A-Za-z0-9_-]{8,64}$/.test(token) && /\d/.test(token) && /[A-Za-z]/.test(token))
        return true;
    // Vite/Rollup's default: 8 base64url characters, which may be letters only (`DiwrgTda`)
    return /^[A-Za-z_-]{8}$/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token);
}
/** The hash placeholder in keys; a character no file name from a zip we list can hold. */
const HASH = '\u0000';
/**
 * `dir/name` with every hash-like part of the base name replaced; the key equals the path when the name has none.
 * Dot-separated parts after the first (but not the extension) are hashes when hash-like; a part may also end in
 * `-<hash>` or `_<hash>` (Vite's 8-character suffix, which may itself contain `-` or `_`, is tried first).
 */
function hashedKey(filePath) {
    const slash = filePath.lastIndexOf('/');
    const dir = filePath.slice(0, slash + 1);
    const parts = filePath.slice(slash + 1).split('.');
    if (parts.length < 2)
        return filePath;
    const ext = parts.pop();
    const key = parts.map((part, i) => {
        if (i > 0 && isHashToken(part))
            return HASH;
        return stripSuffixHash(part);
    });
    return `${dir}${key.join('.')}.${ext}`;
}
function stripSuffixHash(part) {
    // Vite: `<name>-<8 base64url characters>`
    if (part.length > 9 && part[part.length - 9] === '-' && isHashToken(part.slice(-8)))
        return `${part.slice(0, -8)}${HASH}`;
    const m = /^(.*[^-_])([-_])([A-Za-z0-9]+)$/.exec(part);
    if (m && isHashToken(m[3]))
        return `${m[1]}${m[2]}${HASH}`;
    return part;
}
/** Whether the path has a hash-like part at all (only such names are paired by key). */
function hasHash(filePath) {
    return hashedKey(filePath) !== filePath;
}

;// CONCATENATED MODULE: ./src/diff/diff.ts







const GROWERS = 10;
/** Lists a zip and hashes every readable file. Throws (a UsageError for a damaged or unreadable zip) on bad input. */
async function listZip(zipPath) {
    const stat = await promises_default().stat(zipPath).catch(() => undefined);
    if (!stat?.isFile())
        throw new errors/* UsageError */.e(`${zipPath} is not a zip file (it does not exist or is a folder)`, zipPath);
    const bytes = stat.size;
    const source = await (0,zip_source/* openZipSource */.J)(zipPath, {
        maxEntries: config/* DEFAULT_LIMITS */.dR.entries,
        maxBytes: config/* DEFAULT_LIMITS */.dR.bytes
    });
    try {
        const files = new Map();
        for (const entry of source.entries) {
            if (entry.kind !== 'file')
                continue;
            const hash = (0,external_node_crypto_.createHash)('sha256');
            for await (const chunk of source.open(entry.name))
                hash.update(chunk);
            files.set(entry.name, { size: entry.size, sha256: hash.digest('hex') });
        }
        return { path: zipPath, bytes, files, skipped: source.issues.map((i) => i.name) };
    }
    finally {
        await source.close();
    }
}
async function diffZips(oldZip, newZip) {
    const [a, b] = await Promise.all([listZip(oldZip), listZip(newZip)]);
    return diffListings(a, b);
}
/** The comparison itself, on two listings (pure). */
function diffListings(a, b) {
    const removedNames = [];
    const addedNames = [];
    const changed = [];
    let unchanged = 0;
    for (const [name, was] of a.files) {
        const now = b.files.get(name);
        if (!now)
            removedNames.push(name);
        else if (now.sha256 === was.sha256)
            unchanged++;
        else
            changed.push(change(name, was.size, now.size));
    }
    for (const name of b.files.keys())
        if (!a.files.has(name))
            addedNames.push(name);
    const renamed = pairRenames(removedNames, addedNames, a, b);
    const paired = new Set(renamed.flatMap((r) => [r.from, r.path]));
    const removed = removedNames
        .filter((n) => !paired.has(n))
        .map((n) => ({ path: n, size: a.files.get(n).size }));
    const added = addedNames
        .filter((n) => !paired.has(n))
        .map((n) => ({ path: n, size: b.files.get(n).size }));
    const growers = [
        ...added.map((f) => ({
            path: f.path,
            kind: 'added',
            delta: f.size,
            oldSize: 0,
            newSize: f.size
        })),
        ...changed.map((c) => ({ ...c, kind: 'changed' })),
        ...renamed.map((r) => ({
            path: r.path,
            kind: 'renamed',
            delta: r.delta,
            oldSize: r.oldSize,
            newSize: r.newSize
        }))
    ]
        .filter((g) => g.delta > 0)
        .sort((x, y) => y.delta - x.delta || (0,findings/* cmp */.r2)(x.path, y.path))
        .slice(0, GROWERS);
    return {
        old: summary(a),
        new: summary(b),
        added: added.sort((x, y) => (0,findings/* cmp */.r2)(x.path, y.path)),
        removed: removed.sort((x, y) => (0,findings/* cmp */.r2)(x.path, y.path)),
        changed: changed.sort((x, y) => (0,findings/* cmp */.r2)(x.path, y.path)),
        renamed: renamed.sort((x, y) => (0,findings/* cmp */.r2)(x.path, y.path)),
        unchanged,
        byType: byType(a, b),
        growers,
        skipped: { old: a.skipped, new: b.skipped }
    };
}
/**
 * Removed and added names that share a hashed key (same folder, same name but for the build hash) are one file
 * renamed, when the key is unambiguous (one of each). Of the rest, a removed and an added file with identical
 * content (one of each) are a move.
 */
function pairRenames(removed, added, a, b) {
    const renames = [];
    const group = (names, key) => {
        const m = new Map();
        for (const n of names) {
            const k = key(n);
            if (k === undefined)
                continue;
            const list = m.get(k) ?? [];
            list.push(n);
            m.set(k, list);
        }
        return m;
    };
    const pair = (by, key) => {
        const taken = new Set(renames.flatMap((r) => [r.from, r.path]));
        const olds = group(removed.filter((n) => !taken.has(n)), key);
        const news = group(added.filter((n) => !taken.has(n)), key);
        for (const [k, from] of olds) {
            const to = news.get(k);
            if (from.length !== 1 || to?.length !== 1)
                continue;
            const was = a.files.get(from[0]);
            const now = b.files.get(to[0]);
            renames.push({
                ...change(to[0], was.size, now.size),
                from: from[0],
                changed: was.sha256 !== now.sha256,
                by
            });
        }
    };
    pair('hash-name', (n) => (hasHash(n) ? hashedKey(n) : undefined));
    pair('content', (n) => (a.files.get(n) ?? b.files.get(n)).sha256);
    return renames;
}
function change(path, oldSize, newSize) {
    return { path, oldSize, newSize, delta: newSize - oldSize };
}
function summary(l) {
    let contentBytes = 0;
    for (const f of l.files.values())
        contentBytes += f.size;
    return { path: l.path, bytes: l.bytes, files: l.files.size, contentBytes };
}
function typeOf(p) {
    const name = p.slice(p.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : '(none)';
}
function byType(a, b) {
    const rows = new Map();
    const row = (t) => {
        let r = rows.get(t);
        if (!r) {
            r = { type: t, oldFiles: 0, newFiles: 0, oldBytes: 0, newBytes: 0, delta: 0 };
            rows.set(t, r);
        }
        return r;
    };
    for (const [name, f] of a.files) {
        const r = row(typeOf(name));
        r.oldFiles++;
        r.oldBytes += f.size;
    }
    for (const [name, f] of b.files) {
        const r = row(typeOf(name));
        r.newFiles++;
        r.newBytes += f.size;
    }
    for (const r of rows.values())
        r.delta = r.newBytes - r.oldBytes;
    return [...rows.values()].sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (0,findings/* cmp */.r2)(x.type, y.type));
}

// EXTERNAL MODULE: ./src/core/bytes.ts
var bytes = __webpack_require__(9596);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/diff/format.ts



/** A size change with its sign: `+1.2 KiB`, `-300 B`, `0 B`. */
function formatDelta(n) {
    return n > 0 ? `+${(0,bytes/* formatBytes */.z)(n)}` : (0,bytes/* formatBytes */.z)(n);
}
/** `+12.5%` of the old size, or empty when there was nothing before. */
function formatPercent(delta, old) {
    if (old === 0)
        return '';
    const p = (delta / old) * 100;
    return `${p > 0 ? '+' : ''}${p.toFixed(1)}%`;
}
/** The JSON form: a contract for scripts (`h5-offline diff --format json`). */
function diffToJson(d) {
    return {
        old: d.old,
        new: d.new,
        delta: {
            bytes: d.new.bytes - d.old.bytes,
            contentBytes: d.new.contentBytes - d.old.contentBytes
        },
        counts: {
            added: d.added.length,
            removed: d.removed.length,
            changed: d.changed.length,
            renamed: d.renamed.length,
            unchanged: d.unchanged
        },
        added: d.added,
        removed: d.removed,
        changed: d.changed,
        renamed: d.renamed,
        byType: d.byType,
        growers: d.growers,
        skipped: d.skipped
    };
}
function headline(d) {
    const zip = d.new.bytes - d.old.bytes;
    const pct = formatPercent(zip, d.old.bytes);
    return (`zip ${(0,bytes/* formatBytes */.z)(d.old.bytes)} → ${(0,bytes/* formatBytes */.z)(d.new.bytes)} (${formatDelta(zip)}${pct ? `, ${pct}` : ''}); ` +
        `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ` +
        `${d.renamed.length} renamed, ${d.unchanged} unchanged`);
}
/** The terminal form: one line per file, names with control characters made visible. */
function formatDiffText(d) {
    const lines = [headline(d), ''];
    const v = report_text/* visible */.R;
    for (const f of d.added)
        lines.push(`  A ${v(f.path)}  ${formatDelta(f.size)}`);
    for (const f of d.removed)
        lines.push(`  D ${v(f.path)}  ${formatDelta(-f.size)}`);
    for (const f of d.changed)
        lines.push(`  M ${v(f.path)}  ${formatDelta(f.delta)}`);
    for (const r of d.renamed)
        lines.push(`  R ${v(r.from)} → ${v(r.path)}  ${r.changed ? formatDelta(r.delta) : 'same content'}`);
    if (lines.length > 2)
        lines.push('');
    if (d.byType.length) {
        lines.push('by type:');
        for (const t of d.byType)
            lines.push(`  ${t.type.padEnd(8)} ${String(t.newFiles).padStart(5)} files  ${(0,bytes/* formatBytes */.z)(t.newBytes).padStart(10)}  ${formatDelta(t.delta)}`);
        lines.push('');
    }
    if (d.growers.length) {
        lines.push('biggest growers:');
        for (const g of d.growers)
            lines.push(`  ${formatDelta(g.delta).padStart(11)}  ${v(g.path)} (${g.kind})`);
        lines.push('');
    }
    const skipped = d.skipped.old.length + d.skipped.new.length;
    if (skipped)
        lines.push(`${skipped} unreadable entries left out of the comparison`, '');
    return lines.join('\n');
}
/** Text safe in Markdown (a table cell or a list item): controls made visible, Markdown and HTML characters escaped. */
function mdEscape(s) {
    return (0,report_text/* visible */.R)(s).replace(/[\\`*_{}[\]()<>&|~$!#]/g, (c) => `\\${c}`);
}
/** The Markdown form, for a job summary, a PR comment or `--format markdown`. */
function formatDiffMarkdown(d, opts = {}) {
    const max = opts.maxRows ?? 50;
    const h = opts.heading ?? '###';
    const out = [];
    const zip = d.new.bytes - d.old.bytes;
    const pct = formatPercent(zip, d.old.bytes);
    out.push(`${h} Package diff`, '', '| | Before | After | Change |', '|---|--:|--:|--:|', `| Zip | ${(0,bytes/* formatBytes */.z)(d.old.bytes)} | ${(0,bytes/* formatBytes */.z)(d.new.bytes)} | ${formatDelta(zip)}${pct ? ` (${pct})` : ''} |`, `| Content | ${(0,bytes/* formatBytes */.z)(d.old.contentBytes)} | ${(0,bytes/* formatBytes */.z)(d.new.contentBytes)} | ${formatDelta(d.new.contentBytes - d.old.contentBytes)} |`, `| Files | ${d.old.files} | ${d.new.files} | ${signed(d.new.files - d.old.files)} |`, '', `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.renamed.length} renamed, ${d.unchanged} unchanged.`, '');
    if (d.growers.length) {
        out.push(`${h}# Biggest growers`, '', '| File | Change | Size | |', '|---|--:|--:|---|');
        for (const g of d.growers)
            out.push(`| ${code(g.path)} | ${formatDelta(g.delta)} | ${(0,bytes/* formatBytes */.z)(g.newSize)} | ${g.kind} |`);
        out.push('');
    }
    if (d.byType.some((t) => t.delta !== 0 || t.oldFiles !== t.newFiles)) {
        out.push(`${h}# By file type`, '', '| Type | Files | Size | Change |', '|---|--:|--:|--:|');
        for (const t of d.byType)
            out.push(`| ${mdEscape(t.type)} | ${t.newFiles} (${signed(t.newFiles - t.oldFiles)}) | ${(0,bytes/* formatBytes */.z)(t.newBytes)} | ${formatDelta(t.delta)} |`);
        out.push('');
    }
    const list = (title, rows) => {
        if (!rows.length)
            return;
        out.push(`<details><summary>${title} (${rows.length})</summary>`, '');
        for (const r of rows.slice(0, max))
            out.push(`- ${r}`);
        if (rows.length > max)
            out.push(`- … and ${rows.length - max} more`);
        out.push('', '</details>', '');
    };
    list('Added', d.added.map((f) => `${code(f.path)} ${(0,bytes/* formatBytes */.z)(f.size)}`));
    list('Removed', d.removed.map((f) => `${code(f.path)} ${(0,bytes/* formatBytes */.z)(f.size)}`));
    list('Changed', d.changed.map((f) => `${code(f.path)} ${formatDelta(f.delta)}`));
    list('Renamed', d.renamed.map((r) => `${code(r.from)} → ${code(r.path)} ${r.changed ? formatDelta(r.delta) : '(same content)'}`));
    return out.join('\n');
}
function signed(n) {
    return n > 0 ? `+${n}` : String(n);
}
/** A file name as Markdown: escaped, not in a code span (a backtick in the name cannot end it early then). */
function code(p) {
    return mdEscape(p);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/engine/pack.ts
var pack = __webpack_require__(7217);
// EXTERNAL MODULE: ./src/zip/entries.ts
var entries = __webpack_require__(4915);
// EXTERNAL MODULE: ./src/zip/writer.ts
var writer = __webpack_require__(6356);
;// CONCATENATED MODULE: ./src/diff/delta.ts









/** The list of removed files in a delta zip, at its top level, one package path per line. */
const REMOVED_LIST = 'removed.txt';
/**
 * An incremental update: the new zip's added and changed files (and renamed files under their new names) with
 * their folders, plus `removed.txt` listing the paths to delete (removed files and the old names of renamed ones).
 * Entries are streamed from the new zip (checked as they are read), nothing is extracted; the zip is reproducible
 * (fixed timestamps, sorted names).
 */
async function writeDeltaZip(newZip, diff, out) {
    const take = [
        ...diff.added.map((f) => f.path),
        ...diff.changed.map((f) => f.path),
        ...diff.renamed.map((r) => r.path)
    ];
    const removed = [...diff.removed.map((f) => f.path), ...diff.renamed.map((r) => r.from)].sort(findings/* cmp */.r2);
    const list = Buffer.from(removed.map((p) => `${p}\n`).join(''));
    const source = await (0,zip_source/* openZipSource */.J)(newZip, {
        maxEntries: config/* DEFAULT_LIMITS */.dR.entries,
        maxBytes: config/* DEFAULT_LIMITS */.dR.bytes
    });
    try {
        const sizes = new Map(source.entries.map((e) => [e.name, e.size]));
        const inputs = [
            ...(0,entries/* directoryInputs */.f)(take),
            ...take.map((name) => ({
                name,
                kind: 'file',
                size: sizes.get(name) ?? 0,
                compress: !(0,entries/* isCompressedMedia */.y)(name),
                open: () => source.open(name)
            })),
            {
                name: REMOVED_LIST,
                kind: 'file',
                size: list.length,
                compress: true,
                open: () => external_node_stream_.Readable.from([list])
            }
        ].sort((a, b) => (0,findings/* cmp */.r2)(a.name, b.name));
        await promises_default().mkdir(external_node_path_default().dirname(external_node_path_default().resolve(out)), { recursive: true });
        const zip = await (0,writer/* writeZip */.zy)(out, inputs, { mtime: pack/* DEFAULT_MTIME */.d1 });
        return {
            path: out,
            sha256: zip.sha256,
            bytes: zip.bytes,
            files: take.length,
            removed: removed.length
        };
    }
    finally {
        await source.close();
    }
}

;// CONCATENATED MODULE: ./src/diff/index.ts






/***/ })

};
