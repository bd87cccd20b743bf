export const id = 185;
export const ids = [185];
export const modules = {

/***/ 22185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubSession: () => (/* reexport */ GitHubSession),
  Notices: () => (/* reexport */ Notices),
  annotate: () => (/* reexport */ annotate),
  buildPackage: () => (/* reexport */ buildPackage),
  compareWithBaseline: () => (/* reexport */ compareWithBaseline),
  extraSections: () => (/* reexport */ extraSections),
  logFindings: () => (/* reexport */ logFindings),
  reportCheckRun: () => (/* reexport */ reportCheckRun),
  reportComment: () => (/* reexport */ reportComment),
  sourceFileResolver: () => (/* reexport */ sourceFileResolver),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  uploadToRelease: () => (/* reexport */ uploadToRelease),
  writeDelta: () => (/* reexport */ writeDelta),
  writeJobSummary: () => (/* reexport */ writeJobSummary),
  writeJsonReport: () => (/* reexport */ writeJsonReport),
  writeSarif: () => (/* reexport */ writeSarif)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/core/source-date.ts

/** SOURCE_DATE_EPOCH (reproducible-builds.org) pins the zip timestamps when set. */
function sourceDateEpoch(env) {
    const raw = env.SOURCE_DATE_EPOCH;
    if (raw === undefined || raw === '')
        return undefined;
    if (!/^\d+$/.test(raw))
        throw new errors/* UsageError */.e(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${raw}"`, 'SOURCE_DATE_EPOCH');
    return new Date(Number(raw) * 1000);
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/core/findings.ts
var core_findings = __webpack_require__(44637);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/core/config.ts
var core_config = __webpack_require__(84489);
;// CONCATENATED MODULE: ./src/core/layout.ts





/** A dotted name, or a single label with a port (`intranet:8080`). */
const HOST_LIKE = /^(?:[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?|[a-z0-9-]+:\d+)$/i;
const APP_WORKSPACE = /^[A-Za-z0-9]+_[A-Za-z0-9-]+$/;
/**
 * Places the source's entries under their package paths. A directory that contains an 8-digit folder (or is
 * one) is taken as laid out already; anything else is a build output that the configuration places.
 */
function buildPackageModel(source, config) {
    const selected = selectEntries(source.entries, config);
    const mode = detectMode(source, config);
    const placeAt = mode === 'build' ? buildPrefix(config) : laidOutPrefix(source);
    const place = (name) => (placeAt ? `${placeAt}/${name}` : name);
    const files = [];
    const directories = new Set();
    for (const e of selected) {
        if (e.kind === 'file')
            files.push({ path: place(e.name), source: e.name, size: e.size });
        else if (e.kind === 'directory')
            directories.add(place(e.name));
    }
    // Folders the placement creates (ID/www, ID/host/…) exist in the zip even though the source has no entry for them.
    for (const f of files) {
        for (let i = f.path.indexOf('/'); i !== -1; i = f.path.indexOf('/', i + 1))
            directories.add(f.path.slice(0, i));
    }
    files.sort((a, b) => (0,core_findings/* cmp */.r2)(a.path, b.path));
    const dirs = [...directories].sort(core_findings/* cmp */.r2);
    const topLevel = topLevelOf(files, dirs);
    const id = mode === 'build'
        ? config.id
        : (topLevel.find((t) => t.kind === 'directory' && core_config/* PACKAGE_ID_PATTERN */.uk.test(t.name))?.name ??
            (topLevel.length === 1 && topLevel[0].kind === 'directory' ? topLevel[0].name : undefined));
    const issues = source.issues.map((i) => ({ ...i, name: place(i.name) }));
    const typeDeclared = config.type !== 'auto';
    const type = typeDeclared
        ? config.type
        : mode === 'build'
            ? config.appId
                ? 'global'
                : 'standard'
            : guessType(files, id, config);
    return {
        sourceKind: source.kind,
        mode,
        type,
        typeDeclared,
        id,
        topLevel,
        files,
        directories: dirs,
        issues,
        placedUnder: placeAt
    };
}
function selectEntries(entries, config) {
    if (!config.include.length && !config.exclude.length)
        return entries;
    const opts = { dot: true };
    const included = config.include.length ? picomatch_default()(config.include, opts) : () => true;
    const excluded = config.exclude.length ? picomatch_default()(config.exclude, opts) : () => false;
    // A directory pattern such as `docs/**` should also drop the `docs` folder entry itself.
    const keep = (name) => !excluded(name) && !excluded(`${name}/`);
    return entries.filter((e) => e.kind === 'file' ? included(e.name) && keep(e.name) : keep(e.name));
}
function detectMode(source, config) {
    if (config.layout !== 'auto')
        return config.layout;
    if (source.kind === 'zip')
        return 'laid-out';
    const hasIdFolder = source.entries.some((e) => e.kind === 'directory' && !e.name.includes('/') && core_config/* PACKAGE_ID_PATTERN */.uk.test(e.name));
    return hasIdFolder || core_config/* PACKAGE_ID_PATTERN */.uk.test(external_node_path_default().basename(external_node_path_default().resolve(source.location)))
        ? 'laid-out'
        : 'build';
}
/** A directory that *is* the ID folder is placed under its own name, so the zip still has the ID at its top. */
function laidOutPrefix(source) {
    if (source.kind === 'zip')
        return '';
    const base = external_node_path_default().basename(external_node_path_default().resolve(source.location));
    const hasIdFolder = source.entries.some((e) => e.kind === 'directory' && !e.name.includes('/') && core_config/* PACKAGE_ID_PATTERN */.uk.test(e.name));
    return hasIdFolder || !core_config/* PACKAGE_ID_PATTERN */.uk.test(base) ? '' : base;
}
function buildPrefix(config) {
    if (!config.id) {
        throw new errors/* UsageError */.e('the package ID is required to lay out a build output (the directory has no 8-digit folder at its top): give --id 20171228', 'id');
    }
    const type = config.type === 'auto' ? (config.appId ? 'global' : 'standard') : config.type;
    if (type === 'standard')
        return `${config.id}/${config.entryDir}`;
    return [config.id, ...globalBaseSegments(config), config.versionDir].filter(Boolean).join('/');
}
/** `<host>/[prefix/][bucket/]<appId>_<workspace>`: the folders a global package's files live under. */
function globalBaseSegments(config) {
    const missing = [
        !config.appId && ['app ID', 'app-id'],
        !config.workspace && ['workspace', 'workspace'],
        !config.host && ['host (required on Apsara Stack: the mdsweb server domain)', 'host']
    ].filter((m) => Array.isArray(m));
    if (missing.length) {
        throw new errors/* UsageError */.e(`a global package needs ${missing.map((m) => m[0]).join(', ')}: give ${missing.map((m) => `--${m[1]}`).join(' ')}`, missing[0][1]);
    }
    return [
        config.host,
        ...splitPath(config.prefix),
        config.bucket,
        `${config.appId}_${config.workspace}`
    ].filter((s) => Boolean(s));
}
function splitPath(p) {
    return (p ?? '').split('/').filter(Boolean);
}
function topLevelOf(files, dirs) {
    const top = new Map();
    for (const d of dirs)
        if (!d.includes('/'))
            top.set(d, 'directory');
    for (const f of files)
        if (!f.path.includes('/'))
            top.set(f.path, 'file');
    return [...top].map(([name, kind]) => ({ name, kind })).sort((a, b) => (0,core_findings/* cmp */.r2)(a.name, b.name));
}
/**
 * A laid-out tree is global when its second level is a host and an `<appId>_<workspace>` folder follows; with an
 * app ID configured, the exact folder name decides.
 */
function guessType(files, id, config) {
    const appWs = config.appId && config.workspace ? `${config.appId}_${config.workspace}` : undefined;
    for (const f of files) {
        const segs = f.path.split('/');
        if (segs[0] !== id || segs.length < 4)
            continue;
        if (!HOST_LIKE.test(segs[1]))
            continue;
        const below = segs.slice(2, -1);
        if (appWs ? below.includes(appWs) : below.some((s) => APP_WORKSPACE.test(s)))
            return 'global';
    }
    return 'standard';
}
/** The URL a global file is served at: `https://` + its path after the ID folder. */
function globalUrlOf(pkgPath) {
    return `https://${pkgPath.slice(pkgPath.indexOf('/') + 1)}`;
}
/** Path after the ID folder (what ends up inside the .amr's tar). */
function pathInPackage(pkgPath) {
    return pkgPath.slice(pkgPath.indexOf('/') + 1);
}
/** The source-relative name of a package path, for editors, PR annotations and allow-lists. */
function sourcePathOf(pkg, pkgPath) {
    const under = pkg.placedUnder;
    if (!under)
        return pkgPath;
    if (pkgPath === under)
        return '';
    return pkgPath.startsWith(`${under}/`) ? pkgPath.slice(under.length + 1) : pkgPath;
}

;// CONCATENATED MODULE: ./src/core/dir-source.ts





/**
 * Files up to this size are read in one synchronous call: a read stream costs several thread-pool round trips
 * per file, which dominated packing trees of many small files (measured: 1.02× against 0.64× of `zip -6` on
 * 16,903 files).
 */
const SMALL_FILE = 64 * 1024;
/** Whole-file reads up to this size are synchronous too. */
const SYNC_READ_MAX = 8 * 1024 * 1024;
/** Folders listed (so rules see them) but never descended into: they are never part of a package. */
const OPAQUE_DIRS = new Set(['.git', '.svn', '.hg']);
/**
 * Walks a directory without following symlinks. A synchronous walk is measurably faster than fs.promises on
 * two cores (0.17 s against 0.42 s for 20,000 files) and the walk is never the bottleneck.
 */
function openDirectorySource(root, options) {
    const stat = statOrThrow(root);
    if (!stat.isDirectory()) {
        throw new errors/* UsageError */.e(`${root} is not a directory or a .zip file`, root);
    }
    const entries = [];
    const issues = [];
    const identities = new Map();
    walk(root, '', entries, issues, options.maxEntries, identities);
    entries.sort((a, b) => (0,core_findings/* cmp */.r2)(a.name, b.name));
    const files = new Map(entries.filter((e) => e.kind === 'file').map((e) => [e.name, e]));
    const resolve = (name) => {
        if (!files.has(name))
            throw new Error(`${name} is not a file of ${root}`);
        return external_node_path_default().join(root, ...name.split('/'));
    };
    /**
     * O_NOFOLLOW guards only the last component of the path: a folder on the way swapped for a symlink after the
     * walk would still be followed. The opened file must be the very file the walk listed (same device and inode).
     */
    const checkSame = (name, st) => {
        const listed = identities.get(name);
        if (st.isFile() && listed && st.dev === listed.dev && st.ino === listed.ino)
            return;
        throw Object.assign(new Error(`${name} was replaced after it was listed (it, or a folder on its path, is no longer the same)`), { code: 'ESTALE' });
    };
    // O_NOFOLLOW: a file swapped for a symlink after the walk must not be followed out of the package.
    const openNoFollow = (name) => external_node_fs_default().openSync(resolve(name), (external_node_fs_default()).constants.O_RDONLY | (external_node_fs_default()).constants.O_NOFOLLOW);
    const readSync = (name) => {
        const fd = openNoFollow(name);
        try {
            checkSame(name, external_node_fs_default().fstatSync(fd));
            return external_node_fs_default().readFileSync(fd);
        }
        finally {
            external_node_fs_default().closeSync(fd);
        }
    };
    return {
        kind: 'directory',
        location: root,
        entries,
        issues,
        open(name) {
            if ((files.get(name)?.size ?? Infinity) <= SMALL_FILE) {
                const bytes = readSync(name);
                return external_node_stream_.Readable.from(bytes.length ? [bytes] : []);
            }
            const fd = openNoFollow(name);
            try {
                checkSame(name, external_node_fs_default().fstatSync(fd));
            }
            catch (e) {
                external_node_fs_default().closeSync(fd);
                throw e;
            }
            return external_node_fs_default().createReadStream('', { fd, highWaterMark: 256 * 1024 });
        },
        readSync,
        async readFile(name) {
            // Whole files are wanted here (the reference scan, a few rules): synchronous calls are one system call
            // each, where a FileHandle costs four thread-pool round trips per file; past a few MiB, stay asynchronous.
            if ((files.get(name)?.size ?? Infinity) <= SYNC_READ_MAX)
                return readSync(name);
            const handle = await external_node_fs_default().promises.open(resolve(name), (external_node_fs_default()).constants.O_RDONLY | (external_node_fs_default()).constants.O_NOFOLLOW);
            try {
                checkSame(name, await handle.stat());
                return await handle.readFile();
            }
            finally {
                await handle.close();
            }
        },
        async close() { }
    };
}
function statOrThrow(root) {
    try {
        return external_node_fs_default().statSync(root);
    }
    catch (e) {
        const code = e.code;
        const why = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`;
        throw new errors/* UsageError */.e(`${root} ${why}: give the package directory or .zip file`, root);
    }
}
function walk(abs, rel, entries, issues, maxEntries, identities) {
    let dirents;
    try {
        dirents = external_node_fs_default().readdirSync(abs, { withFileTypes: true });
    }
    catch (e) {
        throw new errors/* UsageError */.e(`cannot list ${abs}: ${e.message}`, abs);
    }
    for (const d of dirents) {
        const name = rel ? `${rel}/${d.name}` : d.name;
        const full = external_node_path_default().join(abs, d.name);
        if (entries.length >= maxEntries) {
            throw new errors/* UsageError */.e(`more than ${maxEntries} entries in the package source: is this the right folder?`);
        }
        if (d.isSymbolicLink()) {
            let target = '';
            try {
                target = external_node_fs_default().readlinkSync(full);
            }
            catch {
                // unreadable link: still reported, target unknown
            }
            issues.push({ rule: 'symlink', name, args: { target } });
        }
        else if (d.isDirectory()) {
            entries.push({ name, kind: 'directory', size: 0 });
            if (!OPAQUE_DIRS.has(d.name))
                walk(full, name, entries, issues, maxEntries, identities);
        }
        else if (d.isFile()) {
            const st = external_node_fs_default().lstatSync(full);
            entries.push({ name, kind: 'file', size: st.size });
            identities.set(name, { dev: st.dev, ino: st.ino });
        }
        else {
            issues.push({ rule: 'special-file', name, args: {} });
        }
    }
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(20663);
;// CONCATENATED MODULE: ./src/core/zip-source.ts







const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const FLAG_ENCRYPTED = 0x1;
const UNICODE_PATH_FIELD = 0x7075;
/** Symlink targets are read for the finding only when this small. */
const MAX_LINK_TARGET = 1024;
/** Darwin's PATH_MAX: a longer name cannot be unpacked on an iPhone, and capping it bounds what we hold. */
const MAX_NAME_BYTES = 1024;
/** One entry inflating past this size at more than this ratio is a bomb, whatever the total cap says. */
const BOMB_SIZE = 100 * 1024 * 1024;
const BOMB_RATIO = 1000;
const LOCAL_HEADER_SIZE = 30;
const utf8 = new external_node_util_.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/**
 * Reads a zip without ever extracting it. Only the central directory is listed; entries whose names could
 * escape or be read two ways, links, encrypted and special entries become issues and are never readable. The
 * entry count and declared size are capped before anything is read, and every read is checked against the
 * size and CRC-32 the central directory declares.
 *
 * yauzl parses the container; names are decoded and judged here (`decodeStrings: false`), because yauzl's own
 * validation throws on the first bad name and would abort the whole listing instead of reporting each entry.
 */
async function openZipSource(zipPath, options) {
    const zipfile = await openZip(zipPath);
    try {
        const { entries, issues, files } = await list(zipfile, zipPath, options);
        return makeSource(zipfile, zipPath, entries, issues, files);
    }
    catch (e) {
        zipfile.close();
        throw e;
    }
}
async function openZip(zipPath) {
    let fd;
    let size;
    try {
        // a plain descriptor, not a FileHandle: yauzl's reader owns it and closes it after the last stream
        fd = await new Promise((resolve, reject) => external_node_fs_default().open(zipPath, 'r', (err, fd) => (err ? reject(err) : resolve(fd))));
    }
    catch (e) {
        throw cannotOpen(zipPath, e);
    }
    try {
        size = external_node_fs_default().fstatSync(fd).size;
    }
    catch (e) {
        external_node_fs_default().closeSync(fd);
        throw cannotOpen(zipPath, e);
    }
    const reader = new FileReader(fd, size);
    const options = {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: false,
        validateEntrySizes: true,
        strictFileNames: false
    };
    return new Promise((resolve, reject) => {
        yauzl.fromRandomAccessReader(reader, size, options, (err, zipfile) => {
            if (err) {
                external_node_fs_default().close(fd, () => { });
                const code = err.code;
                reject(code ? cannotOpen(zipPath, err) : unreadable(zipPath, err));
                return;
            }
            // The central directory is read entry by entry in small pieces; serve them from blocks. (The cursor
            // starts at the central directory offset; @types/yauzl mistypes it as a boolean.)
            reader.cacheFrom = Number(zipfile.readEntryCursor);
            // Listing errors reach eachEntry's own listener. Anything later is about closing the descriptor and,
            // without a listener, would crash the process.
            zipfile.on('error', () => { });
            resolve(zipfile);
        });
    });
}
function cannotOpen(zipPath, err) {
    if (err.code === 'ENOENT') {
        return new errors/* UsageError */.e(`${zipPath} does not exist: give the package directory or .zip file`, zipPath);
    }
    return new errors/* UsageError */.e(`${zipPath} cannot be read (${err.code ?? err.message})`, zipPath);
}
const BLOCK_SIZE = 256 * 1024;
const STREAM_CHUNK = 64 * 1024;
/** Bytes [start, end) of a descriptor it does not own, by positioned reads. */
class RangeStream extends external_node_stream_.Readable {
    fd;
    end;
    position;
    constructor(fd, start, end) {
        super({ highWaterMark: STREAM_CHUNK });
        this.fd = fd;
        this.end = end;
        this.position = start;
    }
    _read(size) {
        const length = Math.min(Math.max(size, STREAM_CHUNK), this.end - this.position);
        if (length <= 0) {
            this.push(null);
            return;
        }
        const buffer = Buffer.allocUnsafe(length);
        external_node_fs_default().read(this.fd, buffer, 0, length, this.position, (err, n) => {
            if (this.destroyed)
                return;
            if (err)
                return this.destroy(err);
            if (n === 0)
                return this.destroy(new Error('unexpected EOF'));
            this.position += n;
            this.push(buffer.subarray(0, n));
        });
    }
}
/**
 * yauzl's own file reader (fd-slicer) pipes a stream for every read, twice per central directory entry: 15 s
 * for 200,000 entries. This one reads the central directory in 256 KiB blocks (1.5 s) and streams entry
 * data straight from the shared descriptor with positioned reads, so concurrent streams are safe.
 */
class FileReader extends yauzl.RandomAccessReader {
    fd;
    size;
    /** Reads at or after this offset (the central directory) go through the block cache. */
    cacheFrom = Infinity;
    block;
    constructor(fd, size) {
        super();
        this.fd = fd;
        this.size = size;
    }
    _readStreamForRange(start, end) {
        // Not fs.createReadStream({ fd }): destroying one (a reader stopping early) would close the shared fd.
        return new RangeStream(this.fd, start, end);
    }
    read(buffer, offset, length, position, callback) {
        const block = this.block;
        if (block && position >= block.start && position + length <= block.start + block.bytes.length) {
            block.bytes.copy(buffer, offset, position - block.start, position - block.start + length);
            process.nextTick(callback, null);
            return;
        }
        if (position >= this.cacheFrom && length < BLOCK_SIZE) {
            const bytes = Buffer.allocUnsafe(Math.max(0, Math.min(BLOCK_SIZE, this.size - position)));
            external_node_fs_default().read(this.fd, bytes, 0, bytes.length, position, (err, n) => {
                if (err)
                    return callback(err);
                this.block = { start: position, bytes: bytes.subarray(0, n) };
                if (n < length)
                    return callback(new Error('unexpected EOF'));
                bytes.copy(buffer, offset, 0, length);
                callback(null);
            });
            return;
        }
        external_node_fs_default().read(this.fd, buffer, offset, length, position, (err, n) => {
            if (err)
                return callback(err);
            callback(n < length ? new Error('unexpected EOF') : null);
        });
    }
    close(callback) {
        this.block = undefined;
        external_node_fs_default().close(this.fd, callback);
    }
}
function unreadable(zipPath, err, where = '') {
    return new errors/* UsageError */.e(`${zipPath} is not a readable zip file: ${err.message}${where}`, zipPath);
}
async function list(zipfile, zipPath, { maxEntries, maxBytes }) {
    const count = zipfile.entryCount;
    if (count > maxEntries)
        throw tooManyEntries(zipPath, count, maxEntries);
    const accepted = new Map();
    const issues = [];
    /** Links, encrypted and special entries are refused, but their well-formed paths still imply folders. */
    const refusedPaths = [];
    let declared = 0;
    let index = 0;
    try {
        for await (const raw of zipfile.eachEntry()) {
            index++;
            // every entry counts, read or not: the cap is on what the zip claims
            declared += raw.uncompressedSize;
            checkBounds(zipPath, zipfile.fileSize, raw);
            const verdict = await judge(zipfile, raw);
            if ('issue' in verdict) {
                issues.push(verdict.issue);
                if (verdict.soundName)
                    refusedPaths.push(verdict.issue.name);
                continue;
            }
            const { entry } = verdict;
            if (entry.kind === 'file')
                checkRatio(zipPath, entry.name, raw);
            const key = entry.name;
            const prior = accepted.get(key);
            if (!prior) {
                accepted.set(key, { entry, record: verdict.record });
            }
            else if (prior.entry.kind === 'file' && entry.kind === 'directory') {
                // `a` and `a/`: the folder wins, so the folders implied by `a/…` paths agree with it.
                accepted.set(key, { entry, record: verdict.record });
                issues.push({ rule: 'duplicate-entry', name: key, args: {} });
            }
            else {
                issues.push({ rule: 'duplicate-entry', name: key, args: {} });
            }
        }
    }
    catch (e) {
        if (e instanceof errors/* UsageError */.e)
            throw e;
        throw unreadable(zipPath, e, ` (central directory entry ${index + 1} of ${count})`);
    }
    if (declared > maxBytes) {
        throw new errors/* UsageError */.e(`${zipPath}: its entries declare ${zip_source_formatBytes(declared)} uncompressed, more than the limit of ` +
            `${zip_source_formatBytes(maxBytes)} (zip bomb?); raise limits.bytes if this is real`, zipPath);
    }
    // Folders implied by paths become entries, as a directory walk would list them. A file that has the name
    // of such a folder (`a` next to `a/b.js`) is a duplicate: no file system can hold both.
    let total = accepted.size;
    for (const name of [...accepted.keys(), ...refusedPaths]) {
        for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
            const dir = name.slice(0, i);
            const there = accepted.get(dir);
            if (there?.entry.kind === 'directory')
                continue;
            if (there)
                issues.push({ rule: 'duplicate-entry', name: dir, args: {} });
            accepted.set(dir, { entry: { name: dir, kind: 'directory', size: 0 } });
            if (!there && ++total > maxEntries)
                throw tooManyEntries(zipPath, total, maxEntries, true);
        }
    }
    const entries = [];
    const files = new Map();
    for (const { entry, record } of accepted.values()) {
        entries.push(entry);
        if (entry.kind === 'file' && record)
            files.set(entry.name, record);
    }
    entries.sort((a, b) => (0,core_findings/* cmp */.r2)(a.name, b.name));
    issues.sort((a, b) => (0,core_findings/* cmp */.r2)(a.name, b.name) || (0,core_findings/* cmp */.r2)(a.rule, b.rule));
    return { entries, issues, files };
}
function tooManyEntries(zipPath, count, max, implied = false) {
    const what = implied ? 'entries (counting the folders their paths imply)' : 'entries';
    return new errors/* UsageError */.e(`${zipPath}: ${count} ${what} is more than the limit of ${max} (zip bomb?); raise limits.entries if this is real`, zipPath);
}
/**
 * A central directory pointing past the end of the file is lying; refuse it before anything is read. (A lower
 * bound: the local header's own name and extra field lengths are only known when the entry is opened.)
 */
function checkBounds(zipPath, fileSize, raw) {
    const end = raw.relativeOffsetOfLocalHeader + LOCAL_HEADER_SIZE + raw.fileNameLength + raw.compressedSize;
    if (end > fileSize) {
        throw new errors/* UsageError */.e(`${zipPath} is not a readable zip file: entry ${printable(raw.fileNameRaw)} claims bytes up to offset ` +
            `${end}, past the end of the ${fileSize}-byte file (truncated or forged)`, zipPath);
    }
}
function checkRatio(zipPath, name, raw) {
    const size = raw.uncompressedSize;
    if (size > BOMB_SIZE && size > BOMB_RATIO * raw.compressedSize) {
        throw new errors/* UsageError */.e(`${zipPath}: ${name} declares ${zip_source_formatBytes(size)} from ${zip_source_formatBytes(raw.compressedSize)} compressed, ` +
            `more than ${BOMB_RATIO}:1 (zip bomb?)`, zipPath);
    }
}
async function judge(zipfile, raw) {
    const decoded = decodeName(raw);
    if (!decoded.ok) {
        return { issue: { rule: 'name-encoding', name: shown(decoded.name), args: decoded.args } };
    }
    const stored = decoded.name;
    const isDir = stored.endsWith('/');
    const name = isDir && stored.length > 1 ? stored.slice(0, -1) : stored;
    const reason = unsafeReason(stored, name, raw.fileNameRaw.length);
    if (reason)
        return { issue: { rule: 'unsafe-path', name: shown(name), args: { reason } } };
    const type = (raw.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) {
        const target = await readLinkTarget(zipfile, raw);
        return { issue: { rule: 'symlink', name, args: { target } }, soundName: true };
    }
    if (raw.generalPurposeBitFlag & FLAG_ENCRYPTED) {
        return { issue: { rule: 'encrypted-entry', name, args: {} }, soundName: true };
    }
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
        return { issue: { rule: 'special-file', name, args: {} }, soundName: true };
    }
    if (isDir)
        return { entry: { name, kind: 'directory', size: 0 } };
    return {
        entry: { name, kind: 'file', size: raw.uncompressedSize },
        record: {
            offset: raw.relativeOffsetOfLocalHeader,
            compressedSize: raw.compressedSize,
            uncompressedSize: raw.uncompressedSize,
            method: raw.compressionMethod,
            flags: raw.generalPurposeBitFlag,
            crc32: raw.crc32
        }
    };
}
/**
 * Phones and MDS read names as UTF-8, so that is the only encoding accepted, flag or no flag: Info-ZIP on
 * Linux and macOS writes UTF-8 without setting bit 11, and every real package does. Bytes that are not UTF-8
 * (GBK from Windows tools) are refused and shown in CP437, the zip default, so the finding stays printable.
 * An Info-ZIP Unicode Path field (0x7075) gives a second name; readers that honour it and readers that ignore
 * it must see the same one, otherwise the entry is refused too, under the field's name.
 */
function decodeName(raw) {
    const bytes = raw.fileNameRaw;
    let name;
    try {
        name = utf8.decode(bytes);
    }
    catch {
        name = undefined;
    }
    const unicodePath = unicodePathField(raw);
    if (name !== undefined && (unicodePath === undefined || unicodePath === name))
        return { ok: true, name };
    const args = { bytes: bytes.toString('hex').replace(/(..)(?!$)/g, '$1 ') };
    if (unicodePath === undefined) {
        const guess = guessGbk(bytes);
        if (guess !== undefined)
            args.gbk = guess;
    }
    return { ok: false, name: unicodePath ?? cp437(bytes), args };
}
function unicodePathField(raw) {
    for (const field of raw.extraFields) {
        if (field.id !== UNICODE_PATH_FIELD || field.data.length < 5 || field.data[0] !== 1)
            continue;
        if (field.data.readUInt32LE(1) !== external_node_zlib_default().crc32(raw.fileNameRaw))
            continue; // stale: ignored, as the spec says
        try {
            return utf8.decode(field.data.subarray(5));
        }
        catch {
            return undefined;
        }
    }
    return undefined;
}
let gbk;
/** Most non-UTF-8 names in H5 packages are GBK; the guess goes in the finding's arguments. */
function guessGbk(bytes) {
    if (gbk === undefined) {
        try {
            gbk = new external_node_util_.TextDecoder('gbk', { fatal: true });
        }
        catch {
            gbk = null; // Node built without full ICU
        }
    }
    if (!gbk)
        return undefined;
    try {
        return gbk.decode(bytes);
    }
    catch {
        return undefined;
    }
}
function cp437(bytes) {
    return yauzl.getFileNameLowLevel(0, bytes, [], true);
}
function printable(bytes) {
    let name;
    try {
        name = utf8.decode(bytes);
    }
    catch {
        name = cp437(bytes);
    }
    return JSON.stringify(shown(name));
}
/** Names in issues are for people; a 60 KB name is cut so it cannot flood reports. */
function shown(name) {
    return name.length > MAX_NAME_BYTES ? `${name.slice(0, 200)}…` : name;
}
/**
 * Only what could escape the package or be read two ways is refused: `..`, absolute and drive-letter paths,
 * backslashes (a separator on Windows, a character elsewhere), `.` and empty segments, and NUL (C readers stop
 * there, so `a.html\0.txt` would be two names). Other control characters cannot escape anything; the entry is
 * kept and the name rules judge it. A colon after the first segment is fine (`host:8080/` folders are real).
 */
function unsafeReason(stored, name, byteLength) {
    if (stored === '')
        return 'empty name';
    if (stored.includes('\0'))
        return 'NUL character';
    if (stored.includes('\\'))
        return 'backslash';
    if (stored.startsWith('/'))
        return 'absolute path';
    if (/^[A-Za-z]:/.test(stored))
        return 'drive letter';
    const segments = name.split('/');
    if (segments.includes('..'))
        return '.. segment';
    if (segments.includes('.'))
        return '. segment';
    if (segments.includes(''))
        return 'empty segment';
    if (byteLength > MAX_NAME_BYTES)
        return `longer than ${MAX_NAME_BYTES} bytes`;
    return undefined;
}
/** The target is only for the finding: read when small and plain, else left empty. */
async function readLinkTarget(zipfile, raw) {
    if (raw.generalPurposeBitFlag & FLAG_ENCRYPTED ||
        (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) ||
        raw.uncompressedSize > MAX_LINK_TARGET ||
        raw.compressedSize > 2 * MAX_LINK_TARGET) {
        return '';
    }
    try {
        const stream = await zipfile.openReadStreamPromise(raw);
        const chunks = [];
        for await (const chunk of stream)
            chunks.push(chunk);
        const bytes = Buffer.concat(chunks);
        return bytes.toString('utf8');
    }
    catch {
        return '';
    }
}
function zip_source_formatBytes(n) {
    const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let value = n;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${n} bytes` : `${value.toFixed(1)} ${units[unit]} (${n} bytes)`;
}
function makeSource(zipfile, zipPath, entries, issues, files) {
    let closed = false;
    let active = 0;
    const open = (name) => {
        const record = files.get(name);
        if (!record)
            throw new Error(`${name} is not a file of ${zipPath}`);
        if (closed)
            throw new Error(`${zipPath} is closed: cannot read ${name}`);
        active++;
        const stream = streamEntry(zipfile, zipPath, name, record);
        stream.once('close', () => active--);
        return stream;
    };
    return {
        kind: 'zip',
        location: zipPath,
        entries,
        issues,
        open,
        async readFile(name) {
            const chunks = [];
            for await (const chunk of open(name))
                chunks.push(chunk);
            return Buffer.concat(chunks);
        },
        async close() {
            if (closed)
                return;
            closed = true;
            // Streams still open keep the file descriptor until they end; yauzl closes it after the last one.
            const done = active === 0
                ? new Promise((resolve) => zipfile.once('close', () => resolve()))
                : undefined;
            zipfile.close();
            await done;
        }
    };
}
/**
 * Streams one entry through yauzl (which inflates and, with validateEntrySizes, fails an entry that inflates
 * past its declared size) and checks the byte count and CRC-32 again here, so a corrupt or lying entry errors
 * with its name instead of handing rules silently wrong bytes.
 */
function streamEntry(zipfile, zipPath, name, record) {
    const fail = (why) => new errors/* UsageError */.e(`${zipPath}: cannot read ${name}: ${why}`, zipPath);
    let source;
    let crc = 0;
    let count = 0;
    const out = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            count += chunk.length;
            if (count > record.uncompressedSize) {
                return callback(fail(`it inflates to more than the ${record.uncompressedSize} bytes it declares`));
            }
            crc = external_node_zlib_default().crc32(chunk, crc);
            callback(null, chunk);
        },
        flush(callback) {
            if (count !== record.uncompressedSize) {
                return callback(fail(`${count} bytes instead of the ${record.uncompressedSize} it declares`));
            }
            if (crc !== record.crc32)
                return callback(fail('CRC-32 mismatch, the zip is damaged'));
            callback();
        },
        destroy(err, callback) {
            if (source && !source.readableEnded)
                source.destroy();
            callback(err);
        }
    });
    const entry = Object.assign(new yauzl.Entry(), {
        relativeOffsetOfLocalHeader: record.offset,
        compressedSize: record.compressedSize,
        uncompressedSize: record.uncompressedSize,
        compressionMethod: record.method,
        generalPurposeBitFlag: record.flags
    });
    zipfile.openReadStream(entry, (err, stream) => {
        if (err) {
            out.destroy(fail(err.message));
            return;
        }
        if (out.destroyed) {
            stream.destroy();
            return;
        }
        source = stream;
        // `on`, not `once`: yauzl may forward a second error (zlib, then the byte count) before it sees the destroy
        stream.on('error', (e) => out.destroy(fail(e.message)));
        stream.pipe(out);
    });
    return out;
}

;// CONCATENATED MODULE: ./src/engine/open-source.ts




/** A directory or a .zip, told apart by what is on disk (a zip without the extension is still a zip). */
async function openPackageSource(location, config) {
    let stat;
    try {
        stat = external_node_fs_default().statSync(location);
    }
    catch {
        throw new errors/* UsageError */.e(`${location} does not exist: give the package directory or .zip file`, location);
    }
    if (stat.isDirectory())
        return openDirectorySource(location, { maxEntries: config.limits.entries });
    if (stat.isFile()) {
        return openZipSource(location, {
            maxEntries: config.limits.entries,
            maxBytes: config.limits.bytes
        });
    }
    throw new errors/* UsageError */.e(`${location} is neither a directory nor a .zip file`, location);
}

;// CONCATENATED MODULE: ./src/refs/location.ts
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
const BOM = 0xfeff;
/** Removes one leading U+FEFF so that column 1 is the first real character. */
function stripBom(text) {
    return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}
/**
 * Start offsets of every line of `text`. `starts[0]` is always 0.
 * Uses `indexOf` (fast native scan) unless the text contains a carriage return.
 */
function computeLineStarts(text) {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
        let i = text.indexOf('\n');
        while (i !== -1) {
            starts.push(i + 1);
            i = text.indexOf('\n', i + 1);
        }
        return starts;
    }
    const n = text.length;
    for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
            starts.push(i + 1);
        }
        else if (c === 13) {
            if (text.charCodeAt(i + 1) === 10)
                i++;
            starts.push(i + 1);
        }
    }
    return starts;
}
/**
 * Maps offsets of one text to positions. The line table is built on the first
 * lookup, so files without references never pay for it.
 */
class LineIndex {
    text;
    starts;
    constructor(text) {
        this.text = text;
    }
    /** Number of lines (a trailing line break starts a last, empty line). */
    get lineCount() {
        return this.lineStarts().length;
    }
    /** Position of a 0-based offset; offsets past the end are clamped. */
    position(offset) {
        const starts = this.lineStarts();
        const off = offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset;
        // Binary search for the last line start <= off.
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= off)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: off - starts[lo] + 1 };
    }
    /** 0-based offset of a 1-based position (inverse of {@link position}). */
    offset(line, column) {
        const starts = this.lineStarts();
        const l = Math.min(Math.max(line, 1), starts.length);
        return starts[l - 1] + column - 1;
    }
    lineStarts() {
        if (this.starts === undefined)
            this.starts = computeLineStarts(this.text);
        return this.starts;
    }
}

;// CONCATENATED MODULE: ./src/refs/extract-css.ts
/**
 * CSS URL references: `url(…)` (unquoted url-token or `url("…")`), string
 * arguments of `image-set()` / `-webkit-image-set()`, `src("…")`, and
 * `@import "…"` / `@import url(…)`.
 *
 * This is a single-pass tokenizer that follows CSS Syntax Level 3 for every
 * token that can hide or carry a URL (comments, strings, escapes, url-tokens,
 * bad-url/bad-string recovery, identifiers, functions, at-keywords) and skips
 * everything else. Compared with postcss (parse + walk + postcss-value-parser)
 * it finds the same URLs on real-world CSS (bootstrap, antd, element-plus,
 * monaco, font-awesome, …) at roughly 7x the speed, gives exact offsets in
 * minified one-line files without re-deriving value positions from `raws`,
 * and never throws: broken CSS (unclosed block, comment, string or `url(`) is
 * tokenized the way a browser does and whatever URLs are found are returned.
 *
 * Not returned: `@namespace url(…)` (a namespace name, not a fetch), strings
 * outside `url()`/`image-set()`/`src()`/`@import` (e.g. `content: "url(x)"`,
 * `format("woff2")`, `local("Font")`), legacy `filter: progid:…(src='…')`, and
 * references filtered by `isNonReference` (`data:`, `#frag`, empty, …).
 */


/** URL references in a CSS file. Positions: see `types.ts`. */
function extractCssRefs(text) {
    const src = stripBom(text);
    const found = [];
    scanCss(src, 0, src.length, (url, offset, kind) => {
        if (!isNonReference(url))
            found.push({ url, offset, kind });
    });
    if (found.length === 0)
        return [];
    const lines = new LineIndex(src);
    return found.map((r) => {
        const { line, column } = lines.position(r.offset);
        return { url: r.url, line, column, kind: r.kind };
    });
}
// Character classes -----------------------------------------------------------
var C;
(function (C) {
    C[C["Tab"] = 9] = "Tab";
    C[C["LF"] = 10] = "LF";
    C[C["FF"] = 12] = "FF";
    C[C["CR"] = 13] = "CR";
    C[C["Space"] = 32] = "Space";
    C[C["DQuote"] = 34] = "DQuote";
    C[C["Hash"] = 35] = "Hash";
    C[C["SQuote"] = 39] = "SQuote";
    C[C["LParen"] = 40] = "LParen";
    C[C["RParen"] = 41] = "RParen";
    C[C["Star"] = 42] = "Star";
    C[C["Dash"] = 45] = "Dash";
    C[C["Slash"] = 47] = "Slash";
    C[C["Semi"] = 59] = "Semi";
    C[C["At"] = 64] = "At";
    C[C["Backslash"] = 92] = "Backslash";
    C[C["Underscore"] = 95] = "Underscore";
    C[C["LBrace"] = 123] = "LBrace";
    C[C["RBrace"] = 125] = "RBrace";
})(C || (C = {}));
function isWs(c) {
    return c === C.Space || c === C.LF || c === C.Tab || c === C.CR || c === C.FF;
}
function isNewline(c) {
    return c === C.LF || c === C.CR || c === C.FF;
}
function isHex(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
/** Name code point (css-syntax-3 §4.2) — letters, digits, `_`, `-`, non-ASCII. */
function isNameChar(c) {
    return ((c >= 0x61 && c <= 0x7a) ||
        (c >= 0x41 && c <= 0x5a) ||
        (c >= 0x30 && c <= 0x39) ||
        c === C.Dash ||
        c === C.Underscore ||
        c >= 0x80);
}
/** `\` at `i` starts a valid escape: a character other than a newline follows (a `\` at the end is a delim). */
function isValidEscape(s, i, end) {
    return s.charCodeAt(i) === C.Backslash && i + 1 < end && !isNewline(s.charCodeAt(i + 1));
}
/**
 * Consumes an escape whose backslash is at `i - 1` (so `i` is the first char
 * after `\`). Returns the decoded text and the index after the escape.
 */
function consumeEscape(s, i, end) {
    if (i >= end)
        return ['\uFFFD', i];
    const c = s.charCodeAt(i);
    if (isHex(c)) {
        let j = i + 1;
        while (j < end && j < i + 6 && isHex(s.charCodeAt(j)))
            j++;
        const cp = parseInt(s.slice(i, j), 16);
        if (j < end) {
            const w = s.charCodeAt(j);
            if (w === C.CR && s.charCodeAt(j + 1) === C.LF && j + 1 < end)
                j += 2;
            else if (isWs(w))
                j++;
        }
        const ok = cp !== 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
        return [ok ? String.fromCodePoint(cp) : '\uFFFD', j];
    }
    // Any other code point stands for itself (keep surrogate pairs whole).
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff)
            return [s.slice(i, i + 2), i + 2];
    }
    return [s[i], i + 1];
}
// Function contexts that give a string argument URL meaning.
var Fn;
(function (Fn) {
    Fn[Fn["Other"] = 0] = "Other";
    Fn[Fn["Url"] = 1] = "Url";
    Fn[Fn["Src"] = 2] = "Src";
    Fn[Fn["ImageSet"] = 3] = "ImageSet";
})(Fn || (Fn = {}));
/** Case-insensitive comparison of `s[a, b)` with a lower-case ASCII literal. */
function nameEquals(s, a, b, lit) {
    if (b - a !== lit.length)
        return false;
    for (let k = 0; k < lit.length; k++) {
        const c = s.charCodeAt(a + k);
        if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lit.charCodeAt(k))
            return false;
    }
    return true;
}
function functionKind(name) {
    switch (name) {
        case 'url':
            return Fn.Url;
        case 'src':
            return Fn.Src;
        case 'image-set':
        case '-webkit-image-set':
        case '-moz-image-set':
        case '-o-image-set':
            return Fn.ImageSet;
        default:
            return Fn.Other;
    }
}
/** Function kind of the name `s[a, b)` (no escapes), without allocating for the common case. */
function functionKindAt(s, a, b) {
    const len = b - a;
    if (len === 3) {
        if (nameEquals(s, a, b, 'url'))
            return Fn.Url;
        if (nameEquals(s, a, b, 'src'))
            return Fn.Src;
        return Fn.Other;
    }
    if (len < 9 || len > 17 || s.charCodeAt(b - 4) !== C.Dash)
        return Fn.Other;
    return functionKind(s.slice(a, b).toLowerCase());
}
// Sticky scanners for runs that need no per-character decisions.
const NAME_RUN = /[a-zA-Z0-9_\-\u0080-\uffff]*/y;
const DQ_RUN = /[^"\\\n\r\f]*/y;
const SQ_RUN = /[^'\\\n\r\f]*/y;
// Non-printable code points end a url token (they make it a bad url).
// eslint-disable-next-line no-control-regex
const URL_RUN = /[^) \t\n\r\f"'(\\\x00-\x08\x0b\x0e-\x1f\x7f]*/y;
function runEnd(re, s, i) {
    if (i >= s.length)
        return i;
    re.lastIndex = i;
    re.test(s);
    return re.lastIndex;
}
/**
 * Tokenizes `s[start, end)` and reports every URL reference with its offset in
 * `s`. Never throws. Used for `.css` files, HTML `<style>` contents (scanned in
 * place) and `style=""` attribute values.
 */
function scanCss(s, start, end, sink) {
    // Stack of open functions / parentheses (Fn codes). Cleared at `{`, `}`, `;`.
    const fns = [];
    // The next significant token is the first one after `@import`.
    let afterImport = false;
    // Inside an `@namespace` prelude: its url is a namespace name, not a fetch.
    let inNamespace = false;
    let i = start;
    while (i < end) {
        const c = s.charCodeAt(i);
        // Whitespace and comments do not change any state.
        if (c === C.Space || c === C.LF || c === C.Tab || c === C.CR || c === C.FF) {
            i++;
            continue;
        }
        if (c === C.Slash) {
            if (s.charCodeAt(i + 1) === C.Star && i + 1 < end) {
                const close = s.indexOf('*/', i + 2);
                i = close === -1 || close + 2 > end ? end : close + 2;
                continue;
            }
            i++;
            afterImport = false;
            continue;
        }
        // Strings.
        if (c === C.DQuote || c === C.SQuote) {
            const top = fns.length > 0 ? fns[fns.length - 1] : -1;
            const wantImport = afterImport && (top === -1 || top === Fn.Url);
            const wantUrl = !wantImport && top > Fn.Other;
            const valueStart = i + 1;
            const run = c === C.DQuote ? DQ_RUN : SQ_RUN;
            let j = valueStart;
            let value = '';
            let chunk = valueStart;
            let bad = false;
            for (;;) {
                j = runEnd(run, s, j);
                if (j >= end) {
                    j = end; // EOF: parse error, the string token is still returned
                    break;
                }
                const d = s.charCodeAt(j);
                if (d === c)
                    break;
                if (d !== C.Backslash) {
                    bad = true; // newline: bad-string, the newline is reconsumed
                    break;
                }
                // Escape.
                if (wantImport || wantUrl)
                    value += s.slice(chunk, j);
                if (j + 1 >= end) {
                    j = end;
                    chunk = end;
                    break;
                }
                const n = s.charCodeAt(j + 1);
                if (isNewline(n)) {
                    // Escaped newline: a line continuation, produces nothing.
                    j += n === C.CR && s.charCodeAt(j + 2) === C.LF && j + 2 < end ? 3 : 2;
                }
                else {
                    const [txt, next] = consumeEscape(s, j + 1, end);
                    value += txt;
                    j = next;
                }
                chunk = j;
            }
            i = bad || j >= end ? j : j + 1;
            if (!bad && !inNamespace && (wantImport || wantUrl)) {
                value += s.slice(chunk, j);
                sink(value, valueStart, wantImport ? 'css-import' : 'css-url');
            }
            afterImport = false;
            continue;
        }
        // Identifiers, functions, at-keywords, hashes; numbers are read as name runs too.
        const isAt = c === C.At;
        const nameStart = isAt || c === C.Hash ? i + 1 : i;
        const first = s.charCodeAt(nameStart);
        if (nameStart < end &&
            (isNameChar(first) || (first === C.Backslash && isValidEscape(s, nameStart, end)))) {
            let j = runEnd(NAME_RUN, s, nameStart);
            let decoded;
            if (j < end && s.charCodeAt(j) === C.Backslash && isValidEscape(s, j, end)) {
                // Slow path: the name contains escapes (`u\72l(`, `@\69mport`).
                decoded = s.slice(nameStart, j);
                while (j < end) {
                    const d = s.charCodeAt(j);
                    if (d === C.Backslash && isValidEscape(s, j, end)) {
                        const [txt, next] = consumeEscape(s, j + 1, end);
                        decoded += txt;
                        j = next;
                    }
                    else if (isNameChar(d)) {
                        const k = Math.min(runEnd(NAME_RUN, s, j), end);
                        decoded += s.slice(j, k);
                        j = k;
                    }
                    else {
                        break;
                    }
                }
                decoded = decoded.toLowerCase();
            }
            if (j > end)
                j = end;
            i = j;
            if (isAt) {
                afterImport =
                    decoded !== undefined ? decoded === 'import' : nameEquals(s, nameStart, j, 'import');
                if (decoded !== undefined ? decoded === 'namespace' : nameEquals(s, nameStart, j, 'namespace')) {
                    inNamespace = true;
                }
                continue;
            }
            if (c === C.Hash || i >= end || s.charCodeAt(i) !== C.LParen) {
                afterImport = false;
                continue;
            }
            // A function token, or a url token.
            const fn = decoded !== undefined ? functionKind(decoded) : functionKindAt(s, nameStart, j);
            i++; // past '('
            if (fn === Fn.Url) {
                let k = i;
                while (k < end && isWs(s.charCodeAt(k)))
                    k++;
                const q = s.charCodeAt(k);
                if (k < end && (q === C.DQuote || q === C.SQuote)) {
                    // `url(` function token; its string is handled by the string branch.
                    fns.push(Fn.Url);
                    i = k;
                    continue;
                }
                i = consumeUrlToken(s, k, end, (url, offset) => {
                    if (!inNamespace)
                        sink(url, offset, afterImport ? 'css-import' : 'css-url');
                });
                afterImport = false;
                continue;
            }
            fns.push(fn);
            afterImport = false;
            continue;
        }
        // Everything else is a single-character token.
        i++;
        if (c === C.LParen) {
            fns.push(Fn.Other);
        }
        else if (c === C.RParen) {
            fns.pop();
        }
        else if (c === C.LBrace || c === C.RBrace || c === C.Semi) {
            fns.length = 0;
            inNamespace = false;
        }
        afterImport = false;
    }
}
/**
 * Consumes a url token (css-syntax-3 §4.3.6) whose value starts at `k` (after
 * `url(` and whitespace). Calls `emit` unless it is a bad url; returns the
 * index after the token.
 */
function consumeUrlToken(s, k, end, emit) {
    const urlStart = k;
    let value = '';
    let m = k;
    for (;;) {
        const r = runEnd(URL_RUN, s, m);
        value += s.slice(m, Math.min(r, end));
        m = r;
        if (m >= end) {
            emit(value, urlStart); // EOF: parse error, the url token is still returned
            return end;
        }
        const d = s.charCodeAt(m);
        if (d === C.RParen) {
            emit(value, urlStart);
            return m + 1;
        }
        if (isWs(d)) {
            while (m < end && isWs(s.charCodeAt(m)))
                m++;
            if (m >= end) {
                emit(value, urlStart);
                return end;
            }
            if (s.charCodeAt(m) === C.RParen) {
                emit(value, urlStart);
                return m + 1;
            }
            break; // bad url
        }
        if (d === C.Backslash && isValidEscape(s, m, end)) {
            const [txt, next] = consumeEscape(s, m + 1, end);
            value += txt;
            m = next;
            continue;
        }
        break; // quote, '(', non-printable or invalid escape: bad url
    }
    // Consume the remnants of a bad url: up to `)` or EOF, skipping escapes.
    while (m < end) {
        const d = s.charCodeAt(m);
        if (d === C.RParen)
            return m + 1;
        if (d === C.Backslash && isValidEscape(s, m, end))
            m = consumeEscape(s, m + 1, end)[1];
        else
            m++;
    }
    return end;
}

// EXTERNAL MODULE: ./node_modules/htmlparser2/dist/Tokenizer.js + 6 modules
var Tokenizer = __webpack_require__(55052);
// EXTERNAL MODULE: ./node_modules/es-module-lexer/dist/lexer.js
var lexer = __webpack_require__(77960);
;// CONCATENATED MODULE: ./src/refs/extract-js.ts
/**
 * JavaScript URL references, found with es-module-lexer (a Wasm lexer: no AST,
 * hundreds of MB/s, exact offsets):
 *
 * - static `import … from '…'`, `import '…'`, `export … from '…'`  → `js-import`
 * - `import('…')` whose argument is a string literal or a template literal
 *   without `${…}`                                                     → `js-dynamic-import`
 * - `new URL('…', import.meta.url)` (string or substitution-free template) → `js-new-url`
 *   The lexer reports every real `import.meta` (never one inside a string or
 *   comment); around each one we check for exactly this call shape.
 *
 * Not returned (documented limits):
 * - bare specifiers (`react`, `@scope/x`, `.`): only `./`, `../`, `/` and
 *   `scheme:` specifiers are URLs (HTML "resolve a module specifier"); bare ones
 *   need an import map and are not package files;
 * - computed specifiers (`import(name)`, ``import(`./l/${x}.js`)``), other string
 *   literals (`fetch('x.json')`, `importScripts('w.js')`, `new Worker('w.js')`
 *   without `import.meta.url`, bundler chunk maps): no guessing;
 * - TypeScript type-only imports;
 * - in classic scripts (`module: false`): static imports and `import.meta`
 *   (both are syntax errors there), so only dynamic `import()`.
 *
 * Malformed JS never throws. On a lexer error we re-lex the longest prefix we
 * can: the text before the reported error, with brackets left open closed; for
 * errors reported at EOF (unterminated string/template/regex) the text before
 * the last quote/slash or before one of the last `import` keywords. References
 * before the error are returned; references after it are lost.
 */



/** URL references in a JS file. Positions: see `types.ts`. */
function extractJsRefs(text, opts) {
    const src = stripBom(text);
    const found = scanJs(src, opts?.module ?? true);
    if (found.length === 0)
        return [];
    const lines = new LineIndex(src);
    return found.map((r) => {
        const { line, column } = lines.position(r.offset);
        return { url: r.url, line, column, kind: r.kind };
    });
}
/**
 * True for specifiers a browser resolves as URLs: `./`, `../`, `/` prefixes or
 * an absolute URL with a scheme. Everything else is bare (`react`, `@a/b`, `.`).
 */
function isUrlSpecifier(spec) {
    const c = spec.charCodeAt(0);
    if (c === 0x2f)
        return true; // '/'
    if (c === 0x2e)
        return spec.startsWith('./') || spec.startsWith('../');
    return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(spec);
}
/** Offsets of references in `src` (no BOM handling, no line mapping). */
function scanJs(src, isModule) {
    // Fast exit: every reference we report needs the `import` or the `export` keyword (`export * from './a.js'`).
    if (src.indexOf('import') === -1 && src.indexOf('export') === -1)
        return [];
    const imports = lex(src);
    if (imports === undefined)
        return [];
    const out = [];
    for (const imp of imports) {
        if (imp.type === 'static' || imp.type === 'reexport-star') {
            if (!isModule || imp.typeOnly)
                continue;
            const url = imp.specifier;
            if (isUrlSpecifier(url) && !isNonReference(url)) {
                out.push({ url, offset: imp.start, kind: 'js-import' });
            }
        }
        else if (imp.type === 'dynamic') {
            const url = imp.specifier;
            if (url === undefined || imp.glob)
                continue;
            if (!isUrlSpecifier(url) || isNonReference(url))
                continue;
            // `start` is at the opening quote / backtick (comments before it are skipped by the lexer).
            const q = src.charCodeAt(imp.start);
            const offset = q === 0x27 || q === 0x22 || q === 0x60 ? imp.start + 1 : imp.start;
            out.push({ url, offset, kind: 'js-dynamic-import' });
        }
        else if (isModule) {
            const ref = newUrlAround(src, imp.start, imp.end);
            if (ref !== undefined && !isNonReference(ref.url))
                out.push(ref);
        }
    }
    return out;
}
/** Appended to text whose brackets are still open at EOF; the lexer only counts nesting depth. */
const CLOSERS = '\n' + '}'.repeat(512);
/** Upper bound on re-lexing attempts for one malformed file. */
const MAX_RECOVERY_CUTS = 12;
function tryParse(text) {
    try {
        return { imports: (0,lexer/* parse */.q)(text)[0] };
    }
    catch (err) {
        const idx = err.idx;
        return { idx: typeof idx === 'number' ? idx : -1 };
    }
}
/**
 * Runs the lexer. On a parse error, returns the imports of the longest prefix
 * that lexes (brackets left open are closed), so references before the error
 * survive. Returns undefined if nothing could be lexed.
 */
function lex(src) {
    const first = tryParse(src);
    if ('imports' in first)
        return first.imports;
    // An error in the middle is reported where it is; an error at EOF (idx 0 or
    // src.length: open brackets, unterminated string/template/regex) is not.
    const limit = first.idx > 0 && first.idx < src.length ? first.idx : src.length;
    const direct = lexPrefix(src, limit);
    if (direct !== undefined)
        return direct;
    // Cut before the construct left open: the last quote, backtick or slash
    // (string, template, regex), else before one of the last `import` keywords.
    const cuts = new Set();
    for (const ch of ['"', "'", '`', '/']) {
        const k = src.lastIndexOf(ch, limit - 1);
        if (k > 0)
            cuts.add(k);
    }
    for (let k = src.lastIndexOf('import', limit - 1); k > 0 && cuts.size < MAX_RECOVERY_CUTS;) {
        cuts.add(k);
        k = src.lastIndexOf('import', k - 1);
    }
    for (const cut of [...cuts].sort((x, y) => y - x)) {
        const r = lexPrefix(src, cut);
        if (r !== undefined)
            return r;
    }
    return undefined;
}
/** Imports of `src.slice(0, limit)`, closing brackets left open; undefined if it does not lex. */
function lexPrefix(src, limit) {
    const base = src.slice(0, limit);
    const plain = tryParse(base);
    if ('imports' in plain)
        return plain.imports;
    if (plain.idx > 0 && plain.idx < limit)
        return undefined;
    const closed = base + CLOSERS;
    const withClosers = tryParse(closed);
    if ('imports' in withClosers)
        return keepBefore(withClosers.imports, limit);
    if (withClosers.idx > limit) {
        // One closer too many: cut there, the text is balanced now.
        const cut = tryParse(closed.slice(0, withClosers.idx));
        if ('imports' in cut)
            return keepBefore(cut.imports, limit);
    }
    return undefined;
}
function keepBefore(imports, limit) {
    return imports.filter((i) => i.end <= limit);
}
/**
 * If `import.meta` at [start, end) is the second argument of
 * `new URL(<string>, import.meta.url)`, returns that string with the offset of
 * its first character.
 */
function newUrlAround(src, start, end) {
    // Forward: `.url` then `)`.
    let i = skipWsForward(src, end);
    if (src.charCodeAt(i) !== 0x2e)
        return undefined; // '.'
    i = skipWsForward(src, i + 1);
    if (!src.startsWith('url', i) || isIdentChar(src.charCodeAt(i + 3)))
        return undefined;
    i = skipWsForward(src, i + 3);
    if (src.charCodeAt(i) !== 0x29)
        return undefined; // ')'
    // Backward: `,` then a string literal.
    let j = skipWsBackward(src, start); // j = index of last non-ws char before, or -1
    if (j < 0 || src.charCodeAt(j) !== 0x2c)
        return undefined; // ','
    j = skipWsBackward(src, j);
    if (j < 0)
        return undefined;
    const quote = src.charCodeAt(j);
    if (quote !== 0x27 && quote !== 0x22 && quote !== 0x60)
        return undefined;
    const close = j;
    let open = j - 1;
    for (; open >= 0; open--) {
        if (src.charCodeAt(open) === quote && !isEscaped(src, open))
            break;
    }
    if (open < 0)
        return undefined;
    const raw = src.slice(open + 1, close);
    if (quote === 0x60 && raw.includes('${'))
        return undefined;
    // `(` then `URL` then `new`.
    j = skipWsBackward(src, open);
    if (j < 0 || src.charCodeAt(j) !== 0x28)
        return undefined; // '('
    j = skipWsBackward(src, j);
    if (j < 2 || src.slice(j - 2, j + 1) !== 'URL' || isIdentChar(src.charCodeAt(j - 3)))
        return undefined;
    j = skipWsBackward(src, j - 2);
    if (j < 2 ||
        src.slice(j - 2, j + 1) !== 'new' ||
        (j >= 3 && isIdentChar(src.charCodeAt(j - 3)))) {
        return undefined;
    }
    const url = raw.includes('\\') ? unescapeJs(raw) : raw;
    if (url === undefined)
        return undefined;
    return { url, offset: open + 1, kind: 'js-new-url' };
}
function isIdentChar(c) {
    return ((c >= 0x61 && c <= 0x7a) ||
        (c >= 0x41 && c <= 0x5a) ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x24 ||
        c === 0x5f ||
        c > 0x7f);
}
function isJsWs(c) {
    return (c === 0x20 ||
        c === 0x0a ||
        c === 0x0d ||
        c === 0x09 ||
        c === 0x0b ||
        c === 0x0c ||
        c === 0xa0 ||
        c === 0xfeff ||
        c === 0x2028 ||
        c === 0x2029);
}
/** Index of the first char at or after `i` that is neither whitespace nor inside a comment. */
function skipWsForward(s, i) {
    for (;;) {
        while (i < s.length && isJsWs(s.charCodeAt(i)))
            i++;
        if (s.charCodeAt(i) === 0x2f && s.charCodeAt(i + 1) === 0x2a) {
            const e = s.indexOf('*/', i + 2);
            if (e === -1)
                return s.length;
            i = e + 2;
        }
        else {
            return i;
        }
    }
}
/** Index of the last char before `i` that is neither whitespace nor the end of a block comment; -1 if none. */
function skipWsBackward(s, i) {
    let j = i - 1;
    for (;;) {
        while (j >= 0 && isJsWs(s.charCodeAt(j)))
            j--;
        if (j >= 1 && s.charCodeAt(j) === 0x2f && s.charCodeAt(j - 1) === 0x2a) {
            const b = s.lastIndexOf('/*', j - 2);
            if (b === -1)
                return -1;
            j = b - 1;
        }
        else {
            return j;
        }
    }
}
/** True if the char at `i` is preceded by an odd number of backslashes. */
function isEscaped(s, i) {
    let n = 0;
    for (let k = i - 1; k >= 0 && s.charCodeAt(k) === 0x5c; k--)
        n++;
    return (n & 1) === 1;
}
/** Decodes JS string escapes; undefined for a malformed escape. */
function unescapeJs(raw) {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const ch = raw[i];
        if (ch !== '\\') {
            out += ch;
            continue;
        }
        const n = raw[++i];
        switch (n) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case '0':
                out += '\0';
                break;
            case '\r':
                if (raw[i + 1] === '\n')
                    i++;
                break;
            case '\n':
            case '\u2028':
            case '\u2029':
                break;
            case 'x': {
                const h = raw.slice(i + 1, i + 3);
                if (!/^[0-9a-fA-F]{2}$/.test(h))
                    return undefined;
                out += String.fromCharCode(parseInt(h, 16));
                i += 2;
                break;
            }
            case 'u': {
                if (raw[i + 1] === '{') {
                    const close = raw.indexOf('}', i + 2);
                    const h = close === -1 ? '' : raw.slice(i + 2, close);
                    if (!/^[0-9a-fA-F]{1,6}$/.test(h) || parseInt(h, 16) > 0x10ffff)
                        return undefined;
                    out += String.fromCodePoint(parseInt(h, 16));
                    i = close;
                }
                else {
                    const h = raw.slice(i + 1, i + 5);
                    if (!/^[0-9a-fA-F]{4}$/.test(h))
                        return undefined;
                    out += String.fromCharCode(parseInt(h, 16));
                    i += 4;
                }
                break;
            }
            case undefined:
                return undefined;
            default:
                out += n;
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/refs/extract-html.ts
/**
 * HTML URL references, found with htmlparser2's Tokenizer (the low-level,
 * position-reporting half of htmlparser2: spec-like handling of raw-text
 * elements, comments, entities in attributes) driven directly, without the DOM
 * or the Parser's tag bookkeeping, so every attribute value comes with its
 * exact source offsets.
 *
 * Returned (`kind`, `tag`, `attr`):
 * - `html-attr`:   `<script src>` (whatever its `type`); `<link href>` when at least
 *                  one `rel` token is not in LINK_NON_FETCH_RELS (stylesheet,
 *                  `alternate stylesheet`, icon, apple-touch-icon, mask-icon, preload,
 *                  modulepreload, prefetch, prerender, manifest, unknown rels);
 *                  `<img src>`; `<source src>`; `<video src|poster>`; `<audio src>`;
 *                  `<track src>`; `<iframe src>`; `<frame src>`; `<embed src>`;
 *                  `<object data>`; `<input type=image src>`; SVG `<image|use|feImage
 *                  href|xlink:href>` and SVG `<script href|xlink:href>`.
 * - `html-srcset`: each candidate of `<img|source srcset>` and `<link imagesrcset>`,
 *                  each with its own column.
 * - `html-style`:  each `url()` in a `style="…"` attribute (any element).
 * - `css-url` / `css-import` with `tag: 'style'`: from `<style>` contents.
 * - `js-import` / `js-dynamic-import` / `js-new-url` with `tag: 'script'`: from
 *   inline `<script type=module>`; inline classic scripts (no type or a
 *   JavaScript MIME type) yield only dynamic `import('…')`.
 * - `<base href>` (first one) → `baseHref`, never in `refs`; returned as written
 *   (not filtered), the caller resolves `refs` against it.
 * Markup inside `<template>` and `<noscript>` counts (it is in the package and may
 * be used); inside `<title>`, `<textarea>`, `<script>`, `<style>`, comments, it
 * does not. Tags cut off by the end of the file are dropped, as browsers do.
 *
 * Not returned: `<a|area href>` (navigation), `<form action>`, `<meta>` content
 * (refresh, og:image …), `<link>` with no rel or only navigation/hint rels
 * (canonical, alternate, preconnect, dns-prefetch …), `<iframe srcdoc>`,
 * lazy-load conventions (`data-src`, `data-original`), `<html manifest>`,
 * legacy `background=` attributes, import maps, anything inside comments
 * (including IE conditional comments), contents of non-JS `<script type>`s
 * (templates, JSON), and values rejected by `isNonReference`.
 */





/** `<link rel>` tokens of page icons: a WebView never shows them, so a missing one does not break the page. */
const ICON_RELS = new Set([
    'icon',
    'shortcut',
    'apple-touch-icon',
    'apple-touch-icon-precomposed',
    'mask-icon'
]);
/** `<link rel>` tokens that never make the browser fetch `href` as a sub-resource. */
const LINK_NON_FETCH_RELS = new Set([
    'alternate',
    'archives',
    'author',
    'bookmark',
    'canonical',
    'dns-prefetch',
    'external',
    'first',
    'help',
    'index',
    'last',
    'license',
    'me',
    'next',
    'nofollow',
    'noopener',
    'noreferrer',
    'opener',
    'pingback',
    'preconnect',
    'prev',
    'previous',
    'privacy-policy',
    'search',
    'shortlink',
    'sitemap',
    'start',
    'tag',
    'terms-of-service',
    'up',
    'webmention'
]);
/** Elements whose (trimmed) attribute is a sub-resource URL. `link`, `input`, `base` are special-cased. */
const URL_ATTRS = {
    script: ['src', 'href', 'xlink:href'],
    img: ['src'],
    source: ['src'],
    video: ['src', 'poster'],
    audio: ['src'],
    track: ['src'],
    iframe: ['src'],
    frame: ['src'],
    embed: ['src'],
    object: ['data'],
    image: ['href', 'xlink:href'],
    use: ['href', 'xlink:href'],
    feimage: ['href', 'xlink:href']
};
const SRCSET_ATTRS = {
    img: 'srcset',
    source: 'srcset',
    link: 'imagesrcset'
};
/** Attributes whose values we need; all others are skipped without building strings. */
const WANTED_ATTRS = new Set([
    'src',
    'href',
    'xlink:href',
    'poster',
    'data',
    'srcset',
    'imagesrcset',
    'style',
    'type',
    'rel'
]);
/** Types of `<script>` whose inline text is JavaScript (HTML "JavaScript MIME type essence"). */
const JS_MIME_TYPES = new Set([
    '',
    'application/ecmascript',
    'application/javascript',
    'application/x-ecmascript',
    'application/x-javascript',
    'text/ecmascript',
    'text/javascript',
    'text/javascript1.0',
    'text/javascript1.1',
    'text/javascript1.2',
    'text/javascript1.3',
    'text/javascript1.4',
    'text/javascript1.5',
    'text/jscript',
    'text/livescript',
    'text/x-ecmascript',
    'text/x-javascript'
]);
/** SVG/MathML elements inside which HTML parsing rules apply again. */
const INTEGRATION_POINTS = new Set([
    'foreignobject',
    'desc',
    'title',
    'mi',
    'mo',
    'mn',
    'ms',
    'mtext',
    'annotation-xml'
]);
/** Source offset of the decoded character at `index` of an attribute value. */
function sourceOffset(attr, index) {
    const map = attr.map;
    if (map === undefined)
        return attr.start + index;
    let k = 0;
    while (k + 3 < map.length && map[k + 3] <= index)
        k += 3;
    const decStart = map[k];
    const srcStart = map[k + 1];
    return map[k + 2] === 1 ? srcStart : srcStart + (index - decStart);
}
function isAsciiWs(c) {
    return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}
/** URL references in an HTML file. Positions: see `types.ts`. */
function extractHtmlRefs(text) {
    const src = stripBom(text);
    const found = [];
    let base;
    // Per-tag state.
    let tagName = '';
    let attrs = [];
    let inTag = false;
    // Per-attribute state.
    let attrName = '';
    let wanted = false;
    let parts = '';
    let start = -1;
    let cursor = -1; // end of the last value piece
    let lastEntity = -1;
    let map;
    // Raw-text element whose contents we will scan once its end tag is seen.
    let pending;
    // Foreign content (SVG/MathML) stack: true = foreign.
    const foreign = [false];
    const add = (url, offset, kind, tag, attr) => {
        if (isNonReference(url))
            return;
        found.push(attr === undefined ? { url, offset, kind, tag } : { url, offset, kind, tag, attr });
    };
    const getAttr = (name) => {
        for (const a of attrs)
            if (a.name === name)
                return a;
        return undefined;
    };
    /** A single URL attribute, trimmed of ASCII whitespace. */
    const addUrlAttr = (a, tag) => {
        const v = a.value;
        let s = 0;
        let e = v.length;
        while (s < e && isAsciiWs(v.charCodeAt(s)))
            s++;
        while (e > s && isAsciiWs(v.charCodeAt(e - 1)))
            e--;
        add(s === 0 && e === v.length ? v : v.slice(s, e), sourceOffset(a, s), 'html-attr', tag, a.name);
    };
    const addSrcset = (a, tag) => {
        parseSrcset(a.value, (url, index) => {
            add(url, sourceOffset(a, index), 'html-srcset', tag, a.name);
        });
    };
    const addStyleAttr = (a, tag) => {
        scanCss(a.value, 0, a.value.length, (url, index, kind) => {
            if (kind === 'css-url')
                add(url, sourceOffset(a, index), 'html-style', tag, 'style');
        });
    };
    const processTag = (endIndex, selfClosing) => {
        inTag = false;
        const tag = tagName;
        const isForeign = foreign[foreign.length - 1];
        if (tag === 'base') {
            const href = getAttr('href');
            if (href !== undefined && base === undefined) {
                const v = href.value.trim();
                base = {
                    url: v,
                    offset: sourceOffset(href, href.value.length - href.value.trimStart().length)
                };
            }
        }
        else if (tag === 'link') {
            const rel = getAttr('rel');
            const rels = rel === undefined
                ? []
                : rel.value
                    .toLowerCase()
                    .split(/[\t\n\f\r ]+/)
                    .filter(Boolean);
            const fetches = rels.some((r) => !LINK_NON_FETCH_RELS.has(r));
            if (fetches) {
                const href = getAttr('href');
                if (href !== undefined) {
                    const before = found.length;
                    addUrlAttr(href, tag);
                    if (found.length > before && rels.every((r) => ICON_RELS.has(r)))
                        found[before].cosmetic = true;
                }
                const set = getAttr('imagesrcset');
                if (set !== undefined)
                    addSrcset(set, tag);
            }
        }
        else if (tag === 'input') {
            const type = getAttr('type');
            const src = getAttr('src');
            if (src !== undefined && type !== undefined && type.value.trim().toLowerCase() === 'image') {
                addUrlAttr(src, tag);
            }
        }
        else {
            const names = URL_ATTRS[tag];
            if (names !== undefined) {
                if (names[0] === 'href') {
                    // SVG: `href` wins over `xlink:href`.
                    const a = getAttr('href') ?? getAttr('xlink:href');
                    if (a !== undefined)
                        addUrlAttr(a, tag);
                }
                else {
                    for (const a of attrs)
                        if (names.includes(a.name))
                            addUrlAttr(a, tag);
                }
            }
            const srcsetName = SRCSET_ATTRS[tag];
            if (srcsetName !== undefined) {
                const set = getAttr(srcsetName);
                if (set !== undefined)
                    addSrcset(set, tag);
            }
        }
        const style = getAttr('style');
        if (style !== undefined && style.value.length > 0)
            addStyleAttr(style, tag);
        // Raw-text contents to scan when the end tag arrives.
        pending = undefined;
        if (!selfClosing || !isForeign) {
            if (tag === 'style') {
                const type = getAttr('type');
                const t = type === undefined ? '' : type.value.trim().toLowerCase();
                if (t === '' || t === 'text/css')
                    pending = { tag: 'style', start: endIndex + 1, module: false };
            }
            else if (tag === 'script' && getAttr('src') === undefined) {
                const type = getAttr('type');
                const t = type === undefined ? '' : type.value.trim().toLowerCase();
                if (t === 'module')
                    pending = { tag: 'script', start: endIndex + 1, module: true };
                else if (JS_MIME_TYPES.has(t))
                    pending = { tag: 'script', start: endIndex + 1, module: false };
            }
        }
        // Foreign-content bookkeeping (mirrors htmlparser2's Parser).
        if (!selfClosing) {
            if (tag === 'svg' || tag === 'math')
                foreign.push(true);
            else if (isForeign && INTEGRATION_POINTS.has(tag))
                foreign.push(false);
        }
    };
    const flushPending = (end) => {
        const p = pending;
        pending = undefined;
        if (p === undefined || end <= p.start)
            return;
        if (p.tag === 'style') {
            scanCss(src, p.start, end, (url, offset, kind) => add(url, offset, kind, 'style'));
        }
        else {
            for (const r of scanJs(src.slice(p.start, end), p.module)) {
                found.push({ url: r.url, offset: p.start + r.offset, kind: r.kind, tag: 'script' });
            }
        }
    };
    const cbs = {
        onopentagname(s, e) {
            tagName = src.slice(s, e).toLowerCase();
            attrs = [];
            inTag = true;
            pending = undefined;
        },
        onattribname(s, e) {
            attrName = src.slice(s, e).toLowerCase();
            wanted = WANTED_ATTRS.has(attrName) && getAttr(attrName) === undefined;
            parts = '';
            start = -1;
            cursor = e;
            lastEntity = -1;
            map = undefined;
        },
        onattribdata(s, e) {
            if (!wanted)
                return;
            if (start === -1)
                start = s;
            if (map !== undefined)
                map.push(parts.length, s, 0);
            parts += src.slice(s, e);
            cursor = e;
        },
        onattribentity(cp) {
            if (!wanted)
                return;
            // The entity starts where the previous piece ended; consecutive entities
            // are told apart by their `&`.
            let at;
            if (lastEntity >= cursor)
                at = src.indexOf('&', lastEntity + 1);
            else if (start === -1)
                at = src.indexOf('&', cursor);
            else
                at = cursor;
            if (start === -1)
                start = at;
            if (map === undefined)
                map = start === at ? [] : [0, start, 0];
            map.push(parts.length, at, 1);
            lastEntity = at;
            parts += String.fromCodePoint(cp);
        },
        onattribend(_quote, e) {
            if (!wanted)
                return;
            wanted = false;
            if (start === -1)
                start = e;
            attrs.push({ name: attrName, value: parts, start, map });
        },
        onopentagend(e) {
            if (inTag)
                processTag(e, false);
        },
        onselfclosingtag(e) {
            if (inTag)
                processTag(e, true);
        },
        onclosetag(s, e) {
            const name = src.slice(s, e).toLowerCase();
            if (pending !== undefined && name === pending.tag)
                flushPending(s - 2);
            if (foreign.length > 1 &&
                (name === 'svg' || name === 'math' || INTEGRATION_POINTS.has(name))) {
                foreign.pop();
            }
        },
        onend() {
            if (pending !== undefined)
                flushPending(src.length);
        },
        isInForeignContext() {
            return foreign[foreign.length - 1];
        },
        ontext() { },
        ontextentity() { },
        oncomment() { },
        oncdata() { },
        ondeclaration() { },
        onprocessinginstruction() { }
    };
    const tokenizer = new Tokenizer/* default */.A({ decodeEntities: true }, cbs);
    tokenizer.write(src);
    tokenizer.end();
    if (found.length === 0 && base === undefined)
        return { refs: [] };
    const lines = new LineIndex(src);
    found.sort((a, b) => a.offset - b.offset);
    const refs = found.map((r) => {
        const { line, column } = lines.position(r.offset);
        const ref = { url: r.url, line, column, kind: r.kind };
        if (r.tag !== undefined)
            ref.tag = r.tag;
        if (r.attr !== undefined)
            ref.attr = r.attr;
        if (r.cosmetic)
            ref.cosmetic = true;
        return ref;
    });
    if (base === undefined)
        return { refs };
    const pos = lines.position(base.offset);
    const baseHref = { url: base.url, line: pos.line, column: pos.column };
    return { refs, baseHref };
}
/**
 * Splits a `srcset` value into candidate URLs (HTML "parse a srcset attribute"),
 * calling `emit(url, indexInValue)` for each. Descriptors are skipped, not validated.
 */
function parseSrcset(value, emit) {
    const n = value.length;
    let i = 0;
    while (i < n) {
        // Skip whitespace and commas.
        let c = value.charCodeAt(i);
        while (i < n && (isAsciiWs(c) || c === 0x2c))
            c = value.charCodeAt(++i);
        if (i >= n)
            return;
        const urlStart = i;
        while (i < n && !isAsciiWs(value.charCodeAt(i)))
            i++;
        let urlEnd = i;
        if (value.charCodeAt(urlEnd - 1) === 0x2c) {
            // URL ends with commas: strip them; no descriptors follow.
            while (urlEnd > urlStart && value.charCodeAt(urlEnd - 1) === 0x2c)
                urlEnd--;
            emit(value.slice(urlStart, urlEnd), urlStart);
            continue;
        }
        emit(value.slice(urlStart, urlEnd), urlStart);
        // Skip descriptors up to a comma that is not inside parentheses.
        let depth = 0;
        while (i < n) {
            c = value.charCodeAt(i);
            if (c === 0x28)
                depth++;
            else if (c === 0x29)
                depth = depth > 0 ? depth - 1 : 0;
            else if (c === 0x2c && depth === 0)
                break;
            i++;
        }
    }
}

;// CONCATENATED MODULE: ./src/refs/extract.ts
/**
 * Entry point of the URL-reference extractors: dispatch by file extension, and
 * the shared `isNonReference` filter (also meant for the resolver).
 *
 * All extractors are pure functions of the file's text (already decoded from
 * UTF-8; a leading BOM is ignored and columns start after it), never throw on
 * malformed input, and report positions as described in `types.ts`.
 */



/** `.html` `.htm` → html; `.css` → css; `.js` `.mjs` `.cjs` → js (case-insensitive). */
function refKindForPath(path) {
    switch (extension(path)) {
        case '.html':
        case '.htm':
            return 'html';
        case '.css':
            return 'css';
        case '.js':
        case '.mjs':
        case '.cjs':
            return 'js';
        default:
            return undefined;
    }
}
/**
 * Extracts the URL references of one file. Files of other types yield no refs.
 * `.cjs` is lexed as a classic script (only dynamic `import()`), `.js` and
 * `.mjs` as modules (a classic `.js` script cannot contain static imports or
 * `import.meta` anyway, so nothing is over-reported).
 */
function extractRefs(path, text) {
    switch (refKindForPath(path)) {
        case 'html':
            return extractHtmlRefs(text);
        case 'css':
            return { refs: extractCssRefs(text) };
        case 'js':
            return { refs: extractJsRefs(text, { module: extension(path) !== '.cjs' }) };
        default:
            return { refs: [] };
    }
}
function extension(path) {
    const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    const dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.slice(dot).toLowerCase() : '';
}
const NON_FETCH_SCHEME = /^(?:data|blob|javascript|mailto|tel|about):/i;
/**
 * True for values that are not references to a file of the package and must
 * not be checked: empty or whitespace-only; fragment-only (`#top`, `url(#grad)`);
 * the schemes `data:`, `blob:`, `javascript:`, `mailto:`, `tel:`, `about:`
 * (case-insensitive, after the URL parser's removal of surrounding
 * spaces/control characters and inner tabs/newlines); and template
 * placeholders left in the file: `{{ … }}`, `${…}`, `<% … %>`.
 *
 * Everything else is a reference, including `https://…`, `//cdn…` and
 * `/absolute` URLs: deciding what is external is the resolver's job.
 */
function isNonReference(url) {
    // Strip leading/trailing C0 controls and spaces (WHATWG URL parser).
    let s = 0;
    let e = url.length;
    while (s < e && url.charCodeAt(s) <= 0x20)
        s++;
    while (e > s && url.charCodeAt(e - 1) <= 0x20)
        e--;
    if (s === e)
        return true;
    if (url.charCodeAt(s) === 0x23)
        return true; // '#'
    // Scheme test on a short prefix (data: URIs can be megabytes long); the URL
    // parser ignores tabs and newlines anywhere, so drop them first.
    let head = url.slice(s, Math.min(e, s + 24));
    if (/[\t\n\r]/.test(head))
        head = url
            .slice(s, e)
            .replace(/[\t\n\r]/g, '')
            .slice(0, 24);
    if (NON_FETCH_SCHEME.test(head))
        return true;
    return isTemplatePlaceholder(url);
}
function isTemplatePlaceholder(v) {
    let i = v.indexOf('{{');
    if (i !== -1 && v.indexOf('}}', i + 2) !== -1)
        return true;
    i = v.indexOf('${');
    if (i !== -1 && v.indexOf('}', i + 2) !== -1)
        return true;
    i = v.indexOf('<%');
    if (i !== -1 && v.indexOf('%>', i + 2) !== -1)
        return true;
    return false;
}


;// CONCATENATED MODULE: ./src/refs/prefilter.ts

/**
 * Decoding and lexing are most of the reference scan's cost, and most big files have nothing to find: a bundle
 * full of the word `import` rarely imports a URL. These byte tests (Buffer.indexOf, memchr speed, no decoding)
 * answer "may this file hold a reference?" on the main thread, before a byte is copied to a worker.
 *
 * They must never say no to a file the extractors would find a reference in (test/refs-prefilter.test.ts checks
 * that on real files and on generated ones), so every doubt says yes: bytes past ASCII count as possible
 * whitespace, comments are skipped, an escape at the start of a specifier passes, and words inside strings or
 * comments are candidates like real ones.
 */
function mayHaveRefs(pkgPath, bytes) {
    switch (refKindForPath(pkgPath)) {
        case 'html':
            return true;
        case 'css':
            return cssMayHaveRefs(bytes);
        case 'js':
            return jsMayHaveRefs(bytes);
        default:
            return false;
    }
}
const QUOTE = 0x27;
const DQUOTE = 0x22;
const BACKTICK = 0x60;
const SLASH = 0x2f;
const DOT = 0x2e;
const PAREN = 0x28;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const AT = 0x40;
const HASH = 0x23;
/**
 * What the CSS extractor reports: `url(…)`, `src(…)`, `image-set(…)` (any prefix) and `@import`, names in any
 * case (`URL(` is `url(`). A `url(` whose value is a `data:` URI or a fragment (`url(#clip)`) is no reference,
 * and stylesheets full of inlined icons are common. Names spelled with escapes (`\75 rl(`) are not seen: browsers
 * accept them, no tool emits them.
 */
function cssMayHaveRefs(b) {
    for (let i = b.indexOf(AT); i !== -1; i = b.indexOf(AT, i + 1)) {
        if (nameAt(b, i + 1, 'import'))
            return true;
    }
    for (let i = b.indexOf(PAREN); i !== -1; i = b.indexOf(PAREN, i + 1)) {
        if (nameAt(b, i - 3, 'url')) {
            if (!inlineOrFragment(b, i + 1))
                return true;
        }
        else if (nameAt(b, i - 3, 'src') || nameAt(b, i - 9, 'image-set')) {
            return true;
        }
    }
    return false;
}
/** Whether the `url(` argument at `i` is a `data:` URI or a fragment, which the extractor drops. */
function inlineOrFragment(b, i) {
    while (i < b.length && b[i] <= 0x20)
        i++;
    if (b[i] === QUOTE || b[i] === DQUOTE) {
        i++;
        while (i < b.length && b[i] <= 0x20)
            i++;
    }
    return b[i] === HASH || nameAt(b, i, 'data:');
}
/** Whether the bytes at `i` spell `lower` in ASCII, any case. */
function nameAt(b, i, lower) {
    if (i < 0 || i + lower.length > b.length)
        return false;
    for (let k = 0; k < lower.length; k++) {
        const c = b[i + k];
        if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower.charCodeAt(k))
            return false;
    }
    return true;
}
/**
 * What the JS extractor (es-module-lexer) reports, and the bytes each needs:
 * - `import(…)`: `import`, trivia, `(`, trivia, a quote or backtick, a URL specifier start;
 * - `new URL('./x', import.meta.url)`: `import`, trivia, `.`, trivia, `meta`;
 * - any other `import`: the first quote after the keyword, whatever lies between (`import {a as b} from './x'`;
 *   the lexer even takes `import xfrom './x'`), then a URL specifier start;
 * - `export … from './x'` (and `import {"a b" as c} from './x'`, whose first quote is a name): `from`, trivia, a
 *   quote, a URL specifier start.
 * A keyword next to an identifier character (`_import`, `importScripts`, `datafrom`) is not one. Static imports and
 * re-exports written in comments (`// import x from './x'`, JSDoc `* import {A} from '../a.js'`, `@import`) are
 * common in bundles and are passed over: see inCommentLine.
 */
function jsMayHaveRefs(b) {
    // Crafted input (thousands of `import /*` with no end) must not make this quadratic: past a budget of bytes
    // skipped, the lexer decides. Quote searches are shared between keywords for the same reason.
    let budget = 4 * b.length + 4096;
    const skip = (from) => {
        const to = skipTrivia(b, from);
        budget -= to - from;
        return to;
    };
    let quoteFrom = -1;
    let quoteAt = -1;
    for (let i = b.indexOf('import'); i !== -1; i = b.indexOf('import', i + 6)) {
        if ((i > 0 && isIdentByte(b[i - 1])) || isIdentByte(b[i + 6]))
            continue;
        const j = skip(i + 6);
        if (budget < 0)
            return true;
        const c = b[j];
        // `import */`: the word ends a block comment (`/* harmony import */` in every webpack development build).
        if (c === STAR && b[j + 1] === SLASH)
            continue;
        if (c === DOT) {
            if (nameAt(b, skip(j + 1), 'meta'))
                return true;
        }
        else if (c === PAREN) {
            const k = skip(j + 1);
            const q = b[k];
            if ((q === QUOTE || q === DQUOTE || q === BACKTICK) && urlSpecifierStart(b, k + 1))
                return true;
        }
        else if (!inCommentLine(b, i)) {
            if (quoteFrom === -1 || j < quoteFrom || (quoteAt !== -1 && quoteAt < j)) {
                quoteFrom = j;
                quoteAt = firstQuote(b, j);
                budget -= (quoteAt === -1 ? b.length : quoteAt) - j;
            }
            if (quoteAt !== -1 && urlSpecifierStart(b, quoteAt + 1))
                return true;
        }
        if (budget < 0)
            return true;
    }
    for (let i = b.indexOf('from'); i !== -1; i = b.indexOf('from', i + 4)) {
        if ((i > 0 && isIdentByte(b[i - 1])) || inCommentLine(b, i))
            continue;
        const j = skip(i + 4);
        if (budget < 0)
            return true;
        const c = b[j];
        if ((c === QUOTE || c === DQUOTE) && urlSpecifierStart(b, j + 1))
            return true;
    }
    return false;
}
/** How far back a comment line's start is looked for; past it, the keyword counts as code. */
const LINE_LOOKBACK = 256;
/**
 * Whether the keyword at `i` sits in a comment by the look of its line, which is enough for static imports and
 * re-exports: they are never inside a template literal or an expression, so a line that starts (after spaces)
 * with `//`, `/*`, or `* import` / `* @` (a JSDoc line) cannot hold one before the keyword — unless something on
 * the line before it could end a comment, string or template the line began in: `*` + `/`, a quote, a backtick, or
 * U+2028/2029 (whose UTF-8 starts with 0xE2). Not for `import(` or `import.meta`, which can follow `*` in code
 * (`a\n* import('./x')`). A line is cut at CR and LF.
 */
function inCommentLine(b, i) {
    const floor = Math.max(0, i - LINE_LOOKBACK);
    let start = i;
    while (start > floor && b[start - 1] !== 0x0a && b[start - 1] !== 0x0d)
        start--;
    if (start === floor && floor > 0)
        return false;
    const line = b.subarray(start, i);
    let k = 0;
    while (k < line.length && (line[k] === 0x20 || line[k] === 0x09))
        k++;
    if (line[k] !== SLASH && line[k] !== STAR)
        return false;
    for (const c of line) {
        if (c === QUOTE || c === DQUOTE || c === BACKTICK || c === 0xe2)
            return false;
    }
    if (line.includes('*/', k))
        return false;
    if (line[k] === SLASH)
        return line[k + 1] === SLASH || line[k + 1] === STAR;
    let t = k + 1;
    while (t < line.length && (line[t] === 0x20 || line[t] === 0x09))
        t++;
    // On the full buffer: the keyword at `i` may be the `import` itself.
    return line[t] === AT || (t > k + 1 && nameAt(b, start + t, 'import'));
}
function firstQuote(b, from) {
    const s = b.indexOf(QUOTE, from);
    const d = b.indexOf(DQUOTE, from);
    return s === -1 ? d : d === -1 ? s : Math.min(s, d);
}
/** `./`, `../`, `/` or `scheme:` (see isUrlSpecifier), or an escape we do not decode. */
function urlSpecifierStart(b, i) {
    const c = b[i];
    if (c === DOT || c === SLASH || c === BACKSLASH)
        return true;
    if (!isAsciiLetter(c))
        return false;
    // Schemes are short; a long run of letters gets the benefit of the doubt rather than a long scan.
    const end = Math.min(b.length, i + 64);
    let k = i + 1;
    while (k < end && isSchemeByte(b[k]))
        k++;
    return k === end || b[k] === COLON;
}
/** Index of the first byte at or after `i` that is not whitespace or a comment; bytes past ASCII count as space. */
function skipTrivia(b, i) {
    for (;;) {
        while (i < b.length && (b[i] <= 0x20 || b[i] >= 0x80))
            i++;
        if (b[i] !== SLASH)
            return i;
        if (b[i + 1] === STAR) {
            const end = b.indexOf('*/', i + 2);
            if (end === -1)
                return b.length;
            i = end + 2;
        }
        else if (b[i + 1] === SLASH) {
            // A line comment ends at CR, LF or U+2028/2029 (whose UTF-8 starts with 0xE2: any 0xE2 ends it here).
            i += 2;
            while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d && b[i] !== 0xe2)
                i++;
        }
        else {
            return i;
        }
    }
}
function isAsciiLetter(c) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
function isSchemeByte(c) {
    return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === DOT;
}
function isIdentByte(c) {
    return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x24 || c === 0x5f;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./src/refs/extract-bytes.ts

/** Decodes and extracts; the caller has ruled out most files already (see prefilter.ts). */
function extractBytes(path, bytes) {
    return extractRefs(path, bytes.toString('utf8'));
}

;// CONCATENATED MODULE: ./src/refs/extractor.ts





/**
 * The worker bundle sits next to the running bundle (dist/refs-worker/, dist/cli/refs-worker/). Run from sources
 * (tests) there is none, and extraction happens inline: same code, same results.
 */
function workerScript() {
    const main = process.argv[1];
    if (!main)
        return undefined;
    const candidate = external_node_path_default().join(external_node_path_default().dirname(external_node_fs_default().realpathSync(main)), 'refs-worker', 'index.js');
    return external_node_fs_default().existsSync(candidate) ? candidate : undefined;
}
/** Bytes queued on the workers past which a sharing main thread extracts the next file itself. */
const SHARE_THRESHOLD = 512 * 1024;
function createExtractor(options = {}) {
    const script = process.env.H5_OFFLINE_NO_WORKERS ? undefined : workerScript();
    // One core stays with the main thread (reading, resolving, and feeding deflate in pack).
    const count = Math.min(2, Math.max(1, external_node_os_default().availableParallelism() - 1));
    if (!script) {
        return { extract: async (p, bytes) => extractBytes(p, bytes), close: async () => { } };
    }
    const workers = Array.from({ length: count }, () => new external_node_worker_threads_.Worker(script));
    const pending = new Map();
    const busy = workers.map(() => 0);
    let queued = 0;
    let failure;
    workers.forEach((w, i) => {
        w.on('message', ({ id, result, bytes }) => {
            queued -= bytes;
            pending.get(id)?.resolve(result);
            pending.delete(id);
            // An idle worker must not keep the process alive; a busy one must, or an awaited result never comes.
            if (--busy[i] === 0)
                w.unref();
        });
        w.on('error', (e) => {
            failure = e;
            for (const p of pending.values())
                p.reject(e);
            pending.clear();
        });
        w.unref();
    });
    let nextId = 0;
    return {
        extract(pkgPath, bytes) {
            if (failure)
                return Promise.reject(failure);
            if (options.shareMainThread && queued > SHARE_THRESHOLD) {
                return Promise.resolve(extractBytes(pkgPath, bytes));
            }
            queued += bytes.byteLength;
            const id = nextId++;
            // A buffer handed over is moved when it owns its whole memory; otherwise a private copy is transferred,
            // as the caller still uses the bytes or they are a slice of Node's shared pool.
            const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
            const copy = (options.handOver && whole
                ? bytes.buffer
                : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
            const req = { id, path: pkgPath, bytes: copy };
            const i = id % workers.length;
            return new Promise((resolve, reject) => {
                pending.set(id, { resolve, reject });
                if (busy[i]++ === 0)
                    workers[i].ref();
                workers[i].postMessage(req, [copy]);
            });
        },
        async close() {
            await Promise.all(workers.map((w) => w.terminate()));
        }
    };
}

;// CONCATENATED MODULE: ./src/rules/name-chars.ts
/** Characters a URL parser percent-encodes in a path: these break the exact-match lookup on the phone. */
// eslint-disable-next-line no-control-regex -- control characters are among what URLs percent-encode
const URL_UNSAFE = /[\u0000-\u0020"#<>?`{}%\\\u007f-\u{10ffff}]/u;
/** Characters urlencode() changes that a URL parser leaves alone; `:` too, except a global host's port. */
const URLENCODE_CHANGES = /[@~!$&'()*+,;=[\]|^:]/;
/** Each file and folder name once with its full path; the global host folder is skipped for `:port`. */
function namedEntries(pkg) {
    const out = [];
    for (const p of [...pkg.directories, ...pkg.files.map((f) => f.path)]) {
        const segs = p.split('/');
        // The ID folder has its own rule.
        if (segs.length < 2)
            continue;
        const isHost = pkg.type === 'global' && segs.length === 2 && pkg.directories.includes(p);
        out.push({ path: p, name: segs[segs.length - 1], isHost });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
function describeChars(name, re) {
    const found = new Set();
    for (const ch of name)
        if (re.test(ch))
            found.add(describeChar(ch));
    return [...found].join(' ');
}
function describeChar(ch) {
    if (ch === ' ')
        return 'space';
    const code = ch.codePointAt(0);
    if (code < 0x20 || code === 0x7f)
        return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return `'${ch}'`;
}

;// CONCATENATED MODULE: ./src/rules/global-util.ts

/**
 * The folders a global file must sit under after its host: prefix folders, the bucket, then `<appId>_<workspace>`
 * (a pattern when app ID or workspace are not configured).
 */
function expectedAfterHost(config) {
    const appWs = config.appId && config.workspace
        ? `${config.appId}_${config.workspace}`
        : /^[A-Za-z0-9]+_[A-Za-z0-9-]+$/;
    return [...splitPath(config.prefix), ...(config.bucket ? [config.bucket] : []), appWs];
}
function segmentMatches(seg, expected) {
    return typeof expected === 'string' ? seg === expected : expected.test(seg);
}
function describeExpected(expected) {
    return typeof expected === 'string' ? expected : '<appId>_<workspace>';
}
/** Files of a global package under the ID folder, split into segments after the ID. */
function globalFiles(pkg) {
    if (pkg.type !== 'global' || !pkg.id)
        return [];
    const prefix = `${pkg.id}/`;
    return pkg.files
        .filter((f) => f.path.startsWith(prefix))
        .map((f) => ({ path: f.path, segs: f.path.slice(prefix.length).split('/') }));
}
/**
 * Where a global file sits against the expected folders after its host: inside `<appId>_<workspace>/` (with or
 * without a version folder), above it (stray), or under a folder with the wrong name (mismatch at `index`).
 */
function placeGlobalFile(segs, expected) {
    const folders = segs.slice(1, -1);
    for (let i = 0; i < expected.length; i++) {
        if (i >= folders.length)
            return { kind: 'stray' };
        if (!segmentMatches(folders[i], expected[i]))
            return { kind: 'mismatch', index: i };
    }
    return { kind: 'ok', versioned: folders.length > expected.length };
}

;// CONCATENATED MODULE: ./src/refs/resolve.ts




/** Standard packages load from https://<ID>.<vhost>/; any origin no real site has stands in for it. */
const VIRTUAL_ORIGIN = 'https://package.h5-offline.invalid';
/**
 * Resolves URLs the way the H5 container matches them: by exact path within the package's virtual host,
 * by full URL within the global resource host, anything else goes to the network.
 */
class ReferenceResolver {
    pkg;
    globalUrls;
    files;
    lowerFiles = new Map();
    dirs;
    /** The configured global resource host as a URL spells it (lower case, no default port). */
    globalHost;
    globalBasePath;
    appWs;
    /** Global package: the URL host (as `new URL` normalises it) → its folder under the ID folder. */
    ownHosts = new Map();
    /** Standard package: what a root-relative path is prefixed with to become a package path. */
    root;
    constructor(pkg, config, 
    /** URLs of the files of the global package given with --global-package. */
    globalUrls) {
        this.pkg = pkg;
        this.globalUrls = globalUrls;
        this.files = new Set(pkg.files.map((f) => f.path));
        for (const f of pkg.files)
            this.lowerFiles.set(f.path.toLowerCase(), f.path);
        this.dirs = new Set(pkg.directories);
        this.globalHost = config.host ? hostOf(config.host) : undefined;
        const expected = expectedAfterHost(config);
        this.appWs = expected[expected.length - 1];
        this.globalBasePath = typeof this.appWs === 'string' ? `/${expected.join('/')}/` : '';
        // Without an ID folder (a tree with several top-level folders, none of 8 digits) the tree itself is the root.
        this.root = pkg.id ?? '';
        if (pkg.type === 'global' && pkg.id) {
            for (const d of pkg.directories) {
                const slash = d.indexOf('/');
                if (slash === -1 || d.indexOf('/', slash + 1) !== -1 || d.slice(0, slash) !== pkg.id)
                    continue;
                const folder = d.slice(slash + 1);
                const host = hostOf(folder);
                if (host !== undefined)
                    this.ownHosts.set(host, folder);
            }
        }
    }
    /** The URL a package file is served at: the global URL, or its path on the virtual host. */
    baseUrlOf(pkgPath) {
        if (this.pkg.type === 'global') {
            const [host, ...rest] = globalUrlOf(pkgPath).slice('https://'.length).split('/');
            return `https://${host}/${rest.map(encodeSegment).join('/')}`;
        }
        const inRoot = this.root ? pkgPath.slice(pkgPath.indexOf('/') + 1) : pkgPath;
        return `${VIRTUAL_ORIGIN}/${inRoot.split('/').map(encodeSegment).join('/')}`;
    }
    resolve(raw, base) {
        const url = raw.trim();
        if (isNonReference(url))
            return undefined;
        let resolved;
        try {
            resolved = new URL(url, base);
        }
        catch {
            // Only a URL with its own scheme or host can fail against a valid base: it names no package file.
            return undefined;
        }
        if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:')
            return undefined;
        const hasScheme = SCHEME.test(url);
        // http and https reach the same files; the container matches on host and path.
        if (this.pkg.type === 'standard' && resolved.host === this.globalHost) {
            if (!hasScheme)
                return { outcome: 'global-relative', target: resolved.href };
            return this.resolveGlobal(resolved);
        }
        // Matching is on the decoded path: `a%20b.png` is the file `a b.png`; ?query and #hash play no part.
        const path = lenientDecode(resolved.pathname);
        let pkgPath;
        if (this.pkg.type === 'global') {
            const folder = this.ownHosts.get(resolved.host);
            if (folder === undefined)
                return { outcome: 'external', origin: resolved.origin };
            pkgPath = `${this.pkg.id}/${folder}${path}`;
        }
        else {
            if (resolved.origin !== VIRTUAL_ORIGIN)
                return { outcome: 'external', origin: resolved.origin };
            pkgPath = this.root ? `${this.root}${path}` : path.slice(1);
        }
        const unsafeChars = unsafeIn(hasScheme || isProtocolRelative(url) ? resolved.pathname : writtenPath(url));
        if (this.files.has(pkgPath) || (pkgPath.endsWith('/') && this.dirs.has(pkgPath.slice(0, -1)))) {
            return { outcome: 'ok', target: pkgPath, unsafeChars };
        }
        const caseTarget = this.lowerFiles.get(pkgPath.toLowerCase());
        if (caseTarget)
            return { outcome: 'case-mismatch', target: pkgPath, caseTarget, unsafeChars };
        if (this.pkg.type === 'standard' && this.reachesGlobalFolder(path)) {
            return { outcome: 'global-relative', target: pkgPath };
        }
        return { outcome: 'broken', target: pkgPath };
    }
    resolveGlobal(resolved) {
        const href = `https://${resolved.host}${lenientDecode(resolved.pathname)}`;
        if (!this.globalUrls)
            return { outcome: 'global-ok', target: href };
        return { outcome: this.globalUrls.has(href) ? 'global-ok' : 'global-missing', target: href };
    }
    /** `../53E5279071442_test/common.js` from a standard page means the global host, reached the wrong way. */
    reachesGlobalFolder(path) {
        if (this.globalBasePath && path.startsWith(this.globalBasePath))
            return true;
        const segs = path.split('/');
        return typeof this.appWs === 'string'
            ? segs.includes(this.appWs)
            : segs.some((s) => /^[0-9A-F]{13}_[A-Za-z0-9-]+$/.test(s));
    }
}
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** `//host/path` (a URL parser takes backslashes for slashes in http(s) URLs). */
function isProtocolRelative(url) {
    return /^[\\/]{2}/.test(url);
}
/**
 * The URL a file of a global package is served at, spelled as the resolver compares it: host as `new URL` writes
 * it (lower case, no default port), path as in the package (not percent-encoded).
 */
function servedUrlOf(globalPkgPath) {
    const url = globalUrlOf(globalPkgPath);
    const slash = url.indexOf('/', 'https://'.length);
    const folder = url.slice('https://'.length, slash === -1 ? undefined : slash);
    return `https://${hostOf(folder) ?? folder}${slash === -1 ? '' : url.slice(slash)}`;
}
/** A host folder of a global package as `new URL` spells its host (lower case, no default port). */
function hostOf(folder) {
    try {
        const u = new URL(`https://${folder}/`);
        return u.pathname === '/' && !u.username && !u.password ? u.host : undefined;
    }
    catch {
        return undefined;
    }
}
/** A file name as a URL path segment, so that `#`, `?` or `%` in a folder name cannot cut the base URL short. */
function encodeSegment(segment) {
    return /[%#?\\]/.test(segment)
        ? segment.replace(/[%#?\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        : segment;
}
/**
 * Percent-decodes every valid UTF-8 escape sequence and leaves anything else as written, so `100%.png` still
 * names `100%.png` and one stray `%` does not stop `%20` next to it from being decoded.
 */
function lenientDecode(p) {
    if (p.indexOf('%') === -1)
        return p;
    try {
        return decodeURIComponent(p);
    }
    catch {
        return p.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
            try {
                return decodeURIComponent(run);
            }
            catch {
                return run.replace(/%[0-9A-Fa-f]{2}/g, (one) => {
                    const code = parseInt(one.slice(1), 16);
                    return code < 0x80 ? String.fromCharCode(code) : one;
                });
            }
        });
    }
}
/** The path part of a relative reference as written: before any `?query` or `#hash`. */
function writtenPath(url) {
    const end = url.search(/[?#]/);
    return end === -1 ? url : url.slice(0, end);
}
/**
 * What urlencode would change in the path a reference writes (escapes in it count as the characters they stand
 * for). Only the written part counts: the folder a relative reference is resolved in is reported once, by
 * name-urlencode, not again for every reference made from it.
 */
function unsafeIn(path) {
    const decoded = lenientDecode(path);
    const found = new Set();
    for (const ch of decoded) {
        if (ch === '/')
            continue;
        if (URLENCODE_CHANGES.test(ch) || URL_UNSAFE.test(ch))
            found.add(ch === ' ' ? 'space' : `'${ch}'`);
    }
    return found.size ? [...found].join(' ') : undefined;
}

;// CONCATENATED MODULE: ./src/refs/scan.ts







/** Past this much text awaiting extraction, a reader should wait (bounded memory). */
const SCAN_BACKLOG_LIMIT = 16 * 1024 * 1024;
function createReferenceScanner(pkg, config, globalUrls, extractorOptions = {}) {
    const resolver = new ReferenceResolver(pkg, config, globalUrls);
    const scan = { files: 0, bytes: 0, resolved: 0, notable: [], external: {} };
    const extractor = createExtractor(extractorOptions);
    const inFlight = new Set();
    const waiters = [];
    let backlog = 0;
    let failure;
    const record = (pkgPath, { refs, baseHref }) => {
        let base = resolver.baseUrlOf(pkgPath);
        // A placeholder (`<base href="{{ base }}">`) is filled in at run time: resolve as if it were not there.
        if (baseHref && !isNonReference(baseHref.url)) {
            try {
                base = new URL(baseHref.url, base).href;
            }
            catch {
                // An unparsable <base href> is ignored by browsers too.
            }
        }
        for (const ref of refs) {
            const resolution = resolver.resolve(ref.url, base);
            if (!resolution)
                continue;
            if (resolution.outcome === 'external') {
                scan.external[resolution.origin] = (scan.external[resolution.origin] ?? 0) + 1;
            }
            if (resolution.outcome === 'ok' && !resolution.unsafeChars) {
                scan.resolved++;
                continue;
            }
            scan.notable.push({
                from: pkgPath,
                url: ref.url,
                line: ref.line,
                column: ref.column,
                kind: ref.kind,
                ...(ref.cosmetic && { cosmetic: true }),
                resolution
            });
        }
    };
    const drained = async () => {
        while (inFlight.size)
            await Promise.all(inFlight);
        if (failure)
            throw failure;
    };
    return {
        wants: (p) => refKindForPath(p) !== undefined,
        get backlog() {
            return backlog;
        },
        add(pkgPath, bytes) {
            const size = bytes.length;
            scan.files++;
            scan.bytes += size;
            if (!mayHaveRefs(pkgPath, bytes))
                return;
            backlog += size;
            const task = extractor
                .extract(pkgPath, bytes)
                .then((refs) => record(pkgPath, refs), (e) => {
                failure ??= e;
            })
                .finally(() => {
                backlog -= size;
                inFlight.delete(task);
                for (let i = waiters.length - 1; i >= 0; i--) {
                    if (backlog <= waiters[i].limit)
                        waiters.splice(i, 1)[0].wake();
                }
            });
            inFlight.add(task);
        },
        below(limit) {
            if (backlog <= limit)
                return Promise.resolve();
            return new Promise((wake) => waiters.push({ limit, wake }));
        },
        async finish() {
            try {
                await drained();
            }
            finally {
                await extractor.close();
            }
            // Findings are sorted later; the notable list is sorted here so the report does not depend on timing.
            scan.notable.sort((a, b) => (0,core_findings/* cmp */.r2)(a.from, b.from) || a.line - b.line || a.column - b.column);
            return scan;
        }
    };
}
const READ_CONCURRENCY = 8;
/** The validate-only pass: reads just the HTML/CSS/JS files, a few at a time. */
async function scanReferences(pkg, source, config) {
    const globalUrls = config.globalPackage
        ? await loadGlobalUrls(config.globalPackage, config)
        : undefined;
    // Here the main thread only reads, so it extracts too; the bytes are read for the scan alone, so they can be
    // handed to a worker rather than copied.
    const scanner = createReferenceScanner(pkg, config, globalUrls, {
        shareMainThread: true,
        handOver: true
    });
    const queue = pkg.files.filter((f) => scanner.wants(f.path));
    let next = 0;
    const reader = async () => {
        while (next < queue.length) {
            const f = queue[next++];
            await scanner.below(SCAN_BACKLOG_LIMIT);
            scanner.add(f.path, await source.readFile(f.source));
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, reader));
    }
    catch (e) {
        // Stop the workers before reporting the read failure.
        await scanner.finish().catch(() => { });
        throw e;
    }
    return scanner.finish();
}
/** The URLs a global package serves, for ref-global-missing. */
async function loadGlobalUrls(location, config) {
    const source = await openPackageSource(location, config);
    try {
        // Only the global package's own layout counts: not the --layout, --include or --exclude given for the
        // standard package being checked.
        const model = buildPackageModel(source, {
            ...config,
            type: 'global',
            layout: 'auto',
            include: [],
            exclude: [],
            mainEntry: undefined
        });
        return new Set(model.files.map((f) => servedUrlOf(f.path)));
    }
    finally {
        await source.close();
    }
}

;// CONCATENATED MODULE: ./src/rules/types.ts
function defineRule(rule) {
    return rule;
}

;// CONCATENATED MODULE: ./src/rules/source-issue.ts

/** Rules whose findings come from reading the container itself (directory walk or zip central directory). */
function sourceIssueRule(rule) {
    return defineRule({
        ...rule,
        check({ pkg }, report) {
            for (const issue of pkg.issues)
                if (issue.rule === rule.id)
                    report({ path: issue.name, args: { ...issue.args, path: issue.name } });
        }
    });
}

;// CONCATENATED MODULE: ./src/rules/duplicate-entry.ts

/* harmony default export */ const duplicate_entry = (sourceIssueRule({
    id: 'duplicate-entry',
    description: 'The zip holds two entries with the same name; which one a reader takes is undefined.',
    defaultSeverity: 'error',
    message: (a) => `zip entry "${a.path}" appears more than once`,
    fix: 'Rebuild the zip from the folder instead of appending to an existing zip.'
}));

;// CONCATENATED MODULE: ./src/rules/empty-package.ts

/* harmony default export */ const empty_package = (defineRule({
    id: 'empty-package',
    description: 'The package has at least one file.',
    defaultSeverity: 'error',
    message: () => 'the package has no files',
    fix: 'Point at the build output (e.g. dist/) after the build has run, and check include/exclude patterns.',
    check({ pkg }, report) {
        if (pkg.files.length === 0)
            report({ args: {} });
    }
}));

;// CONCATENATED MODULE: ./src/rules/encrypted-entry.ts

/* harmony default export */ const encrypted_entry = (sourceIssueRule({
    id: 'encrypted-entry',
    description: 'An encrypted zip entry; MDS cannot read it.',
    defaultSeverity: 'error',
    message: (a) => `zip entry "${a.path}" is encrypted`,
    fix: 'Zip without a password.'
}));

;// CONCATENATED MODULE: ./src/rules/global-host.ts


/** A dotted host name with an optional port, or a single label with a port (`intranet:8080`). */
const HOST = /^(?=.{1,253}(:|$))(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?:\d{1,5})$/i;
/**
 * The folder that really is the host, so the others are reported as extra: the configured host, else the folder
 * holding an `<appId>_<workspace>` folder, else the first.
 */
function mainHost(hosts, files, prefix, configured) {
    if (configured && hosts.includes(configured))
        return configured;
    const holdsAppFolder = (h) => files.some((f) => f.startsWith(`${prefix}${h}/`) &&
        f
            .split('/')
            .slice(2, -1)
            .some((s) => global_host_APP_WORKSPACE.test(s)));
    return hosts.find(holdsAppFolder) ?? hosts[0];
}
const global_host_APP_WORKSPACE = /^[A-Za-z0-9]+_[A-Za-z0-9-]+$/;
/* harmony default export */ const global_host = (defineRule({
    id: 'global-host',
    description: 'A global package has one second-level folder, a valid host[:port]; on public cloud, mcube-prod.mpaascloud.com.',
    defaultSeverity: 'error',
    message: (a) => {
        switch (a.problem) {
            case 'invalid':
                return `"${a.host}" is not a host name (with an optional :port); the second-level folder of a global package is the resource host`;
            case 'extra':
                return `"${a.host}" is a second host folder; a global package has exactly one (the first is "${a.first}")`;
            case 'mismatch':
                return `the host folder is "${a.host}" but the configured host is "${a.expected}"`;
            case 'legacy':
                return `"${a.host}" is the legacy OSS host; public cloud now serves global resources from ${core_config/* PUBLIC_CLOUD_HOST */.zj}`;
            default:
                return `"${a.host}" is not ${core_config/* PUBLIC_CLOUD_HOST */.zj}: real-time publishing acceleration is off for this package`;
        }
    },
    fix: `Name the second-level folder after the host the resources are served from (public cloud: ${core_config/* PUBLIC_CLOUD_HOST */.zj}; Apsara Stack: the mdsweb domain, with :port if any).`,
    check({ pkg, config }, report) {
        if (pkg.type !== 'global' || !pkg.id)
            return;
        const prefix = `${pkg.id}/`;
        const hosts = pkg.directories.filter((d) => d.startsWith(prefix) && !d.slice(prefix.length).includes('/'));
        const first = mainHost(hosts.map((h) => h.slice(prefix.length)), pkg.files.map((f) => f.path), prefix, config.host);
        for (const dir of hosts) {
            const host = dir.slice(prefix.length);
            if (host !== first)
                report({ path: dir, args: { problem: 'extra', host, first: first ?? '' } });
            else if (!HOST.test(host))
                report({ path: dir, args: { problem: 'invalid', host } });
            else if (config.host && host !== config.host && config.host !== core_config/* PUBLIC_CLOUD_HOST */.zj)
                report({ path: dir, args: { problem: 'mismatch', host, expected: config.host } });
            else if (config.environment === 'public-cloud' && host === core_config/* LEGACY_OSS_HOST */.v9)
                report({ path: dir, severity: 'warning', args: { problem: 'legacy', host } });
            else if (config.environment === 'public-cloud' && host !== core_config/* PUBLIC_CLOUD_HOST */.zj)
                report({ path: dir, severity: 'warning', args: { problem: 'other', host } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/global-prefix.ts


/* harmony default export */ const global_prefix = (defineRule({
    id: 'global-prefix',
    description: 'After the host come the configured prefix, the optional bucket, then <appId>_<workspace> as configured.',
    defaultSeverity: 'error',
    message: (a) => `folder "${a.found}" in ${a.parent} should be "${a.expected}"`,
    fix: 'Lay global files out as ID/<host>/[prefix/][bucket/]<appId>_<workspace>/…, matching --prefix, --bucket, --app-id and --workspace.',
    check({ pkg, config }, report) {
        const expected = expectedAfterHost(config);
        const seen = new Set();
        for (const { segs } of globalFiles(pkg)) {
            const placed = placeGlobalFile(segs, expected);
            if (placed.kind !== 'mismatch')
                continue;
            const i = placed.index;
            const dir = [pkg.id, ...segs.slice(0, i + 2)].join('/');
            if (seen.has(dir))
                continue;
            seen.add(dir);
            report({
                path: dir,
                args: {
                    found: segs[i + 1],
                    parent: [pkg.id, ...segs.slice(0, i + 1)].join('/'),
                    expected: describeExpected(expected[i])
                }
            });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/global-stray-file.ts


/* harmony default export */ const global_stray_file = (defineRule({
    id: 'global-stray-file',
    description: 'A global package has no file above its <appId>_<workspace> folder.',
    defaultSeverity: 'error',
    message: (a) => `"${a.path}" sits above the <appId>_<workspace> folder, where no URL can reach it`,
    fix: 'Move the file under ID/<host>/…/<appId>_<workspace>/ or delete it.',
    check({ pkg, config }, report) {
        const expected = expectedAfterHost(config);
        for (const { path, segs } of globalFiles(pkg)) {
            if (placeGlobalFile(segs, expected).kind === 'stray')
                report({ path, args: { path } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/global-unversioned.ts


/* harmony default export */ const global_unversioned = (defineRule({
    id: 'global-unversioned',
    description: 'Global files sit in a version folder under <appId>_<workspace>/ (the server does not version them).',
    defaultSeverity: 'notice',
    message: (a) => `${a.count} file(s) sit directly in ${a.folder}/ (e.g. ${a.example}); without a version folder a new release overwrites what old pages use`,
    fix: 'Put files in a version folder such as <appId>_<workspace>/v1.2.0/ (--version-dir when laying out a build output).',
    check({ pkg, config }, report) {
        const expected = expectedAfterHost(config);
        const depth = expected.length + 1;
        const direct = globalFiles(pkg).filter((f) => {
            const placed = placeGlobalFile(f.segs, expected);
            return placed.kind === 'ok' && !placed.versioned;
        });
        if (!direct.length)
            return;
        const folder = [pkg.id, ...direct[0].segs.slice(0, depth)].join('/');
        report({ path: folder, args: { count: direct.length, folder, example: direct[0].segs[depth] } });
    }
}));

;// CONCATENATED MODULE: ./src/rules/global-url-length.ts



const GLOBAL_URL_LIMIT = 100;
/* harmony default export */ const global_url_length = (defineRule({
    id: 'global-url-length',
    description: 'The URL of every global resource (https:// + path after ID/) is at most 100 characters.',
    defaultSeverity: 'error',
    message: (a) => `the URL ${a.url} is ${a.length} characters, over the limit of ${a.limit}: the client shows a blank page`,
    fix: 'Shorten folder and file names (or drop a version folder level) until the full URL fits in 100 characters.',
    check({ pkg }, report) {
        for (const { path } of globalFiles(pkg)) {
            // The client requests the percent-encoded URL, so that is the length that counts.
            const url = new URL(globalUrlOf(path)).href;
            const length = url.length;
            if (length > GLOBAL_URL_LIMIT)
                report({ path, args: { url, length, limit: GLOBAL_URL_LIMIT } });
        }
    }
}));

// EXTERNAL MODULE: ./node_modules/plist/dist/index.js + 4 modules
var dist = __webpack_require__(94548);
;// CONCATENATED MODULE: ./src/rules/ios-plist.ts



const cache = new Map();
/** mPaaS apps keep their own `Product Version` key beside Apple's CFBundleShortVersionString. */
function readIosVersions(file) {
    let p = cache.get(file);
    if (!p) {
        p = load(file);
        cache.set(file, p);
    }
    return p;
}
async function load(file) {
    let text;
    try {
        text = await promises_default().readFile(file);
    }
    catch (e) {
        throw new errors/* UsageError */.e(`Info.plist ${file} cannot be read (${e.code}): check --info-plist`, 'infoPlist');
    }
    let data;
    try {
        // Xcode keeps Info.plist as XML; a plist taken from a built .app is binary.
        data =
            text.subarray(0, 6).toString('latin1') === 'bplist'
                ? (0,dist/* parseBinary */.fb)(text)
                : (0,dist/* parse */.qg)(text.toString('utf8'));
    }
    catch (e) {
        throw new errors/* UsageError */.e(`${file} is not a valid Info.plist: ${e.message}`, 'infoPlist');
    }
    const dict = (data ?? {});
    const str = (v) => typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    return {
        productVersion: str(dict['Product Version']),
        shortVersion: str(dict.CFBundleShortVersionString)
    };
}

;// CONCATENATED MODULE: ./src/rules/util.ts


function basename(p) {
    return p.slice(p.lastIndexOf('/') + 1);
}
const JUNK_NAMES = new Set(['.DS_Store', 'Thumbs.db', 'ehthumbs.db', 'desktop.ini', 'Desktop.ini']);
/** OS litter that ships by accident: Finder/Explorer metadata and macOS resource forks. */
function isJunk(p) {
    const name = basename(p);
    return JUNK_NAMES.has(name) || name.startsWith('._') || p.split('/').includes('__MACOSX');
}
const SENSITIVE = [
    /^\.env($|\.|rc$)/i,
    /^\.npmrc$/i,
    /^\.htpasswd$/i,
    /^\.netrc$/i,
    /^\.git(-credentials)?$/i,
    /\.(pem|key|p12|pfx)$/i,
    /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/i
];
/** Secrets that must never reach every phone: env files, credentials, VCS folders and private keys. */
function isSensitive(p) {
    return p.split('/').some((seg) => SENSITIVE.some((re) => re.test(seg)));
}
/** allowSensitive names a file by its package path or by its path in the source folder. */
function isAllowedSensitive(pkg, p, allowSensitive) {
    return allowSensitive.includes(p) || allowSensitive.includes(sourcePathOf(pkg, p));
}
/** Whether the packer leaves the file out (the rule still reports it). */
function isDroppedByPacker(pkg, p, keepJunk, allowSensitive) {
    if (!keepJunk && isJunk(p))
        return true;
    return isSensitive(p) && !isAllowedSensitive(pkg, p, allowSensitive);
}
/** The first-level entries that will be in the upload (the packer drops junk from directory sources). */
function uploadedTopLevel(pkg, keepJunk) {
    if (pkg.sourceKind === 'zip' || keepJunk)
        return pkg.topLevel;
    return pkg.topLevel.filter((t) => !isJunk(t.name));
}
function isPackageIdFolder(name) {
    return core_config/* PACKAGE_ID_PATTERN */.uk.test(name);
}
/** Every file and folder of the package, each folder once, for rules about names. */
function allPaths(pkg) {
    return [...pkg.directories, ...pkg.files.map((f) => f.path)];
}
/** Dotted numeric versions compared part by part (`1.10` > `1.9`); missing parts count as 0. */
function compareVersions(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d)
            return d;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/rules/ios-min-version.ts



/* harmony default export */ const ios_min_version = (defineRule({
    id: 'ios-min-version',
    description: "The client range's minimum iOS version is lower than Product Version in Info.plist.",
    defaultSeverity: 'error',
    message: (a) => a.problem === 'missing'
        ? `Info.plist has no "Product Version" key to compare the minimum iOS version ${a.min} with`
        : `the minimum iOS client version ${a.min} is not lower than Product Version ${a.product}: no iOS client will take the package`,
    fix: 'Set the client range minimum in the MDS console below the app’s Product Version (1.0.0 is a safe minimum).',
    async check({ config }, report) {
        if (!config.infoPlist || !config.iosMinVersion)
            return;
        const { productVersion } = await readIosVersions(config.infoPlist);
        if (productVersion === undefined)
            return report({
                severity: 'warning',
                args: { problem: 'missing', min: config.iosMinVersion }
            });
        if (compareVersions(config.iosMinVersion, productVersion) >= 0) {
            report({ args: { problem: 'order', min: config.iosMinVersion, product: productVersion } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/ios-version-mismatch.ts


/* harmony default export */ const ios_version_mismatch = (defineRule({
    id: 'ios-version-mismatch',
    description: "Product Version equals CFBundleShortVersionString in the app's Info.plist.",
    defaultSeverity: 'warning',
    message: (a) => `Info.plist has Product Version "${a.product}" but CFBundleShortVersionString "${a.short}"; MDS documents that a mismatch keeps offline packages from taking effect`,
    fix: 'Give both keys the same value in the iOS app’s Info.plist.',
    async check({ config }, report) {
        if (!config.infoPlist)
            return;
        const v = await readIosVersions(config.infoPlist);
        if (v.productVersion !== undefined &&
            v.shortVersion !== undefined &&
            v.productVersion !== v.shortVersion) {
            report({ args: { product: v.productVersion, short: v.shortVersion, file: config.infoPlist } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/junk-file.ts


/* harmony default export */ const junk_file = (defineRule({
    id: 'junk-file',
    description: '.DS_Store, Thumbs.db, desktop.ini, ._* and __MACOSX/ are OS litter (the packer leaves them out).',
    defaultSeverity: 'warning',
    message: (a) => a.inZip
        ? `"${a.path}" is OS litter inside the zip`
        : `"${a.path}" is OS litter; the packer leaves it out of the zip`,
    fix: 'Delete it, or let `pack` build the zip (it drops these); on macOS zip with `zip -r -X` or our packer, not Finder.',
    check({ pkg, config }, report) {
        const inZip = pkg.sourceKind === 'zip' || config.keepJunk ? 1 : 0;
        let macosx;
        for (const p of allPaths(pkg).sort()) {
            if (!isJunk(p))
                continue;
            // One finding for a __MACOSX folder, not one per resource fork inside it.
            if (macosx && p.startsWith(`${macosx}/`))
                continue;
            if (p.endsWith('__MACOSX'))
                macosx = p;
            if (pkg.directories.includes(p) && !p.endsWith('__MACOSX'))
                continue;
            report({ path: p, args: { path: p, inZip } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/main-entry.ts


/* harmony default export */ const main_entry = (defineRule({
    id: 'main-entry',
    description: 'The configured main entry starts with / and exists; without one, say where index.html is.',
    defaultSeverity: 'error',
    message: (a) => {
        switch (a.problem) {
            case 'slash':
                return `main entry "${a.entry}" must start with "/" (a path from the ID folder, e.g. /www/index.html)`;
            case 'missing':
                return `main entry "${a.entry}" is not a file of the package${a.suggestion ? `; did you mean ${a.suggestion}?` : ''}`;
            case 'unset':
                return a.suggestion
                    ? `no main entry configured; ${a.suggestion} is the likely one: set it in the MDS console and here`
                    : 'no main entry configured and no index.html in the package';
            default:
                return '';
        }
    },
    fix: 'Give the main entry as a path from the ID folder starting with "/" (--main-entry /www/index.html), the same as in the MDS console.',
    check({ pkg, config }, report) {
        if (pkg.type !== 'standard' || !pkg.id)
            return;
        const id = pkg.id;
        const relative = pkg.files
            .filter((f) => f.path.startsWith(`${id}/`))
            .map((f) => f.path.slice(id.length));
        const indexes = relative
            .filter((p) => basename(p).toLowerCase() === 'index.html')
            .sort((a, b) => a.length - b.length);
        const entry = config.mainEntry;
        if (!entry) {
            return report({
                severity: 'notice',
                args: { problem: 'unset', suggestion: indexes[0] ?? '' }
            });
        }
        if (!entry.startsWith('/')) {
            return report({ args: { problem: 'slash', entry } });
        }
        const target = entry.replace(/[?#].*$/, '');
        if (relative.includes(target))
            return;
        const suggestion = relative.find((p) => p.toLowerCase() === target.toLowerCase()) ??
            (indexes[0] && indexes[0] !== target ? indexes[0] : '');
        report({ path: `${id}${target}`, args: { problem: 'missing', entry, suggestion } });
    }
}));

;// CONCATENATED MODULE: ./src/rules/name-case-collision.ts


/* harmony default export */ const name_case_collision = (defineRule({
    id: 'name-case-collision',
    description: 'No two paths are equal ignoring case or after Unicode NFC normalisation.',
    defaultSeverity: 'error',
    message: (a) => `"${a.path}" and "${a.other}" are the same path on case-insensitive or normalising file systems`,
    fix: 'Rename one of them; the phone and the CDN are case-sensitive, macOS and Windows are not.',
    check({ pkg }, report) {
        const seen = new Map();
        for (const p of allPaths(pkg).sort()) {
            const key = p.normalize('NFC').toLowerCase();
            const other = seen.get(key);
            if (other === undefined)
                seen.set(key, p);
            else if (other !== p)
                report({ path: p, args: { path: p, other } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/name-encoding.ts

/* harmony default export */ const name_encoding = (sourceIssueRule({
    id: 'name-encoding',
    description: 'A zip entry name that is not UTF-8 (e.g. GBK from some Windows tools).',
    defaultSeverity: 'error',
    message: (a) => `zip entry "${a.path}" has a name that is not UTF-8${a.gbk ? ` (read as GBK: "${a.gbk}")` : ''}; phones will show it garbled or not find it`,
    fix: 'Zip with a tool that writes UTF-8 names (h5-offline pack, 7-Zip with -mcu=on, Info-ZIP on Linux/macOS).'
}));

;// CONCATENATED MODULE: ./src/rules/name-url-unsafe.ts


/* harmony default export */ const name_url_unsafe = (defineRule({
    id: 'name-url-unsafe',
    description: 'No file or folder name has a character a URL parser percent-encodes (control, space, "#<>?`{}, %, \\, non-ASCII).',
    defaultSeverity: 'error',
    message: (a) => `"${a.name}" contains ${a.chars}: the URL the page requests is percent-encoded and no longer matches the file`,
    fix: 'Rename to ASCII letters, digits, "-", "_" and "." (and update the references).',
    check({ pkg }, report) {
        for (const e of namedEntries(pkg)) {
            if (e.isHost)
                continue;
            if (!URL_UNSAFE.test(e.name))
                continue;
            report({
                path: e.path,
                // Standard packages resolve some of these through the WebView; global URLs never survive them.
                severity: pkg.type === 'global' ? 'error' : 'warning',
                args: { name: e.name, chars: describeChars(e.name, URL_UNSAFE) }
            });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/name-urlencode.ts


/* harmony default export */ const name_urlencode = (defineRule({
    id: 'name-urlencode',
    description: "No name has other characters urlencode changes (@ ~ ! $ & ' ( ) * + , ; = [ ] | ^ :); a host's :port is fine.",
    defaultSeverity: 'warning',
    message: (a) => `"${a.name}" contains ${a.chars}, which urlencode changes; MDS advises against it`,
    fix: 'Rename without these characters (e.g. icon@2x.png → icon-2x.png; for webpack, set chunk names without "~").',
    check({ pkg }, report) {
        for (const e of namedEntries(pkg)) {
            const name = e.isHost ? e.name.replace(/:\d+$/, '') : e.name;
            if (URLENCODE_CHANGES.test(name))
                report({
                    path: e.path,
                    args: { name: e.name, chars: describeChars(name, URLENCODE_CHANGES) }
                });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/package-id-format.ts


/* harmony default export */ const package_id_format = (defineRule({
    id: 'package-id-format',
    description: 'The first-level folder is an 8-digit package ID.',
    defaultSeverity: 'error',
    message: (a) => a.name
        ? `the package folder "${a.name}" is not an 8-digit package ID${a.hint ? ` (${a.hint})` : ''}`
        : 'there is no package ID folder at the top of the package',
    fix: 'Name the top folder with the 8-digit ID from the MDS console (e.g. 20171228); keep leading zeros.',
    check({ pkg, config }, report) {
        const dirs = uploadedTopLevel(pkg, config.keepJunk).filter((t) => t.kind === 'directory' && !isJunk(t.name));
        if (dirs.some((d) => isPackageIdFolder(d.name)))
            return;
        if (dirs.length === 0) {
            if (pkg.files.length)
                report({ args: { name: '' } });
            return;
        }
        const name = dirs[0].name;
        const hint = /^\d{16}$/.test(name)
            ? 'a 16-digit ID is a mini-program, not an H5 offline package'
            : /^\d+$/.test(name)
                ? `${name.length} digits`
                : '';
        report({ path: name, args: { name, hint } });
    }
}));

;// CONCATENATED MODULE: ./src/rules/package-id-mismatch.ts

/* harmony default export */ const package_id_mismatch = (defineRule({
    id: 'package-id-mismatch',
    description: 'The first-level folder equals the configured package ID.',
    defaultSeverity: 'error',
    message: (a) => `the package folder is "${a.found}" but the configured package ID is "${a.expected}"`,
    fix: 'Rename the folder or correct the configured ID (--id / package-id); the console rejects a mismatch.',
    check({ pkg, config }, report) {
        if (config.id && pkg.id && /^\d{8}$/.test(pkg.id) && pkg.id !== config.id) {
            report({ path: pkg.id, args: { found: pkg.id, expected: config.id } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/package-id-reserved.ts

/** IDs the mPaaS SDK ships its own packages under. */
const RESERVED_IDS = new Set(['20000196', '66666692', '68687029', '68687209']);
const DISCOURAGED_PREFIXES = ['666666', '20000'];
/* harmony default export */ const package_id_reserved = (defineRule({
    id: 'package-id-reserved',
    description: 'The package ID is not one the mPaaS SDK uses (error) nor in a range it reserves (warning).',
    defaultSeverity: 'error',
    message: (a) => a.reserved
        ? `package ID ${a.id} is used by the mPaaS SDK's own packages and will conflict`
        : `package IDs starting with ${a.prefix} are used by mPaaS; ${a.id} may conflict with a future SDK package`,
    fix: 'Create the app with an ID outside 20000…/666666… in the MDS console.',
    check({ pkg }, report) {
        const id = pkg.id;
        if (!id || !/^\d{8}$/.test(id))
            return;
        if (RESERVED_IDS.has(id))
            return report({ path: id, args: { id, reserved: 1 } });
        const prefix = DISCOURAGED_PREFIXES.find((p) => id.startsWith(p));
        if (prefix)
            report({ path: id, severity: 'warning', args: { id, prefix } });
    }
}));

;// CONCATENATED MODULE: ./src/rules/ref-rule.ts

/** A ref-* rule reports the scanned references that ended in one outcome, at the referencing file and line. */
function referenceRule(rule, select) {
    return defineRule({
        ...rule,
        needsContent: true,
        check({ refs }, report) {
            for (const ref of refs?.notable ?? []) {
                const extra = select(ref);
                if (!extra)
                    continue;
                report({
                    // A missing favicon costs a request, not the page.
                    ...(ref.cosmetic && { severity: 'warning' }),
                    path: ref.from,
                    line: ref.line,
                    column: ref.column,
                    args: {
                        url: ref.url,
                        target: ref.resolution.target ?? '',
                        ...(typeof extra === 'object' ? extra : {})
                    }
                });
            }
        }
    });
}
const outcomeIs = (outcome) => (ref) => ref.resolution.outcome === outcome;

;// CONCATENATED MODULE: ./src/rules/ref-broken.ts

/* harmony default export */ const ref_broken = (referenceRule({
    id: 'ref-broken',
    description: 'A relative or root-relative reference in HTML/CSS/JS points at no file of the package (a page icon: warning).',
    defaultSeverity: 'error',
    message: (a) => `"${a.url}" points at ${a.target || 'nothing'}, which is not in the package: the phone fetches it from the network or shows nothing`,
    fix: 'Fix the path or add the file. Root-relative URLs (/assets/x.js) start at the ID folder: build with a relative base (Vite base: "./").'
}, outcomeIs('broken')));

;// CONCATENATED MODULE: ./src/rules/ref-case-mismatch.ts

/* harmony default export */ const ref_case_mismatch = (referenceRule({
    id: 'ref-case-mismatch',
    description: 'A reference matches a file of the package only ignoring case.',
    defaultSeverity: 'error',
    message: (a) => `"${a.url}" matches "${a.actual}" only ignoring case; it works on a Mac and fails on the phone`,
    fix: 'Write the reference with the exact case of the file name.'
}, (ref) => ref.resolution.outcome === 'case-mismatch' && { actual: ref.resolution.caseTarget ?? '' }));

;// CONCATENATED MODULE: ./src/rules/ref-global-missing.ts

/* harmony default export */ const ref_global_missing = (referenceRule({
    id: 'ref-global-missing',
    description: 'An absolute reference into the global host names no file of the given global package.',
    defaultSeverity: 'error',
    message: (a) => `"${a.url}" is not a file of the global package given with --global-package`,
    fix: 'Fix the URL or publish the file in the global resource package first.'
}, outcomeIs('global-missing')));

;// CONCATENATED MODULE: ./src/rules/ref-global-relative.ts

/* harmony default export */ const ref_global_relative = (referenceRule({
    id: 'ref-global-relative',
    description: 'A standard package reaches a global resource by a relative or protocol-relative URL.',
    defaultSeverity: 'error',
    message: (a) => `"${a.url}" reaches the global resource package without an absolute URL; only https://<host>/… is served from it`,
    fix: 'Write global resources as absolute URLs, e.g. https://mcube-prod.mpaascloud.com/53E5279071442_test/common.js.'
}, outcomeIs('global-relative')));

;// CONCATENATED MODULE: ./src/rules/ref-url-unsafe.ts

/* harmony default export */ const ref_url_unsafe = (referenceRule({
    id: 'ref-url-unsafe',
    description: 'A reference to a package file contains characters urlencode changes.',
    defaultSeverity: 'warning',
    message: (a) => `"${a.url}" contains ${a.chars}; MDS advises against characters urlencode changes in URLs`,
    fix: 'Rename the file without these characters and update the reference.'
}, (ref) => Boolean(ref.resolution.unsafeChars) && { chars: ref.resolution.unsafeChars ?? '' }));

;// CONCATENATED MODULE: ./src/rules/sensitive-file.ts


/* harmony default export */ const sensitive_file = (defineRule({
    id: 'sensitive-file',
    description: '.env*, .git/, .npmrc, .htpasswd, .netrc and private keys (*.pem, *.key, id_rsa*) never ship.',
    defaultSeverity: 'error',
    message: (a) => `"${a.path}" looks like a secret; it would be readable on every phone (the packer never packs it)`,
    fix: 'Remove it from the build output. If it is really public, list its exact path (in the package or in the source folder) in allowSensitive.',
    check({ pkg, config }, report) {
        let reportedDir;
        for (const p of allPaths(pkg).sort()) {
            if (!isSensitive(p) || isAllowedSensitive(pkg, p, config.allowSensitive))
                continue;
            // A .git folder is one finding, not one per object file.
            if (reportedDir && p.startsWith(`${reportedDir}/`))
                continue;
            if (pkg.directories.includes(p))
                reportedDir = p;
            report({ path: p, args: { path: p } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/server-reserved-name.ts

const RESERVED = ['hpmfile.json', 'Manifest.xml', 'CERT.json'];
/* harmony default export */ const server_reserved_name = (defineRule({
    id: 'server-reserved-name',
    description: 'No hpmfile.json, Manifest.xml or CERT.json at the package root: the MDS server writes those.',
    defaultSeverity: 'warning',
    message: (a) => `"${a.path}" collides with the ${a.name} the MDS server adds to the .amr`,
    fix: 'Rename or move the file into a subfolder.',
    check({ pkg }, report) {
        if (!pkg.id)
            return;
        for (const name of RESERVED) {
            const path = `${pkg.id}/${name}`;
            if (pkg.files.some((f) => f.path === path))
                report({ path, args: { path, name } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/single-root.ts


/* harmony default export */ const single_root = (defineRule({
    id: 'single-root',
    description: 'The zip has exactly one first-level entry, a folder (no stray files, no __MACOSX/).',
    defaultSeverity: 'error',
    message: (a) => a.kind === 'file'
        ? `"${a.name}" is a file at the top of the zip; only the package ID folder may be there`
        : `"${a.name}" is a second top-level folder; the zip must hold only the package ID folder`,
    fix: 'Zip the ID folder itself (not its parent or its contents) and leave nothing else beside it.',
    check({ pkg, config }, report) {
        const top = uploadedTopLevel(pkg, config.keepJunk);
        if (top.length === 0)
            return;
        const root = top.find((t) => t.kind === 'directory' && t.name === pkg.id) ??
            top.find((t) => t.kind === 'directory');
        for (const t of top) {
            if (t === root)
                continue;
            report({ path: t.name, args: { name: t.name, kind: t.kind } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/core/bytes.ts
/** Sizes as `12.3 KiB`; exact bytes below 1 KiB. */
function bytes_formatBytes(n) {
    const abs = Math.abs(n);
    const sign = n < 0 ? '-' : '';
    if (abs < 1024)
        return `${sign}${abs} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let v = abs / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${sign}${v.toFixed(1)} ${units[i]}`;
}

;// CONCATENATED MODULE: ./src/rules/size-budget.ts


/** Exact bytes first: budgets are often given in decimal units (500KB), so a rounded binary figure misleads. */
const formatBudgetBytes = (n) => {
    const exact = `${n.toLocaleString('en-US')} bytes`;
    return n >= 1024 ? `${exact} (${bytes_formatBytes(n)})` : exact;
};
const rule = defineRule({
    id: 'size-budget',
    description: 'Total size, largest file and zipped size stay within the configured budgets.',
    defaultSeverity: 'error',
    message: (a) => a.kind === 'file'
        ? `"${a.path}" is ${formatBudgetBytes(Number(a.size))}, over the per-file budget of ${formatBudgetBytes(Number(a.budget))}`
        : `the package is ${formatBudgetBytes(Number(a.size))} ${a.kind === 'zipped' ? 'zipped' : 'unzipped'}, over the budget of ${formatBudgetBytes(Number(a.budget))}`,
    fix: 'Shrink or split what grew (compress images, drop unused locales, lazy-load from the network), or raise the budget on purpose.',
    check({ pkg, config }, report) {
        const { total, file } = config.budgets;
        if (file !== undefined) {
            for (const f of pkg.files)
                if (f.size > file)
                    report({ path: f.path, args: { kind: 'file', path: f.path, size: f.size, budget: file } });
        }
        if (total !== undefined) {
            const size = pkg.files.reduce((s, f) => s + f.size, 0);
            if (size > total)
                report({ args: { kind: 'total', size, budget: total } });
        }
    }
});
/* harmony default export */ const size_budget = (rule);
/** The zipped size is only known after packing, so the packer asks for this one finding itself. */
function zippedBudgetFinding(config, zipBytes) {
    const budget = config.budgets.zipped;
    if (budget === undefined || zipBytes <= budget)
        return undefined;
    return { rule: rule.id, args: { kind: 'zipped', size: zipBytes, budget } };
}

;// CONCATENATED MODULE: ./src/rules/source-map.ts

/* harmony default export */ const source_map = (defineRule({
    id: 'source-map',
    description: '*.map files ship your source code to every phone.',
    defaultSeverity: 'warning',
    message: (a) => `"${a.path}" is a source map: your original source ships to every phone`,
    fix: 'Turn production source maps off (Vite: build.sourcemap=false; webpack: devtool=false) or exclude "**/*.map".',
    check({ pkg }, report) {
        for (const f of pkg.files)
            if (f.path.endsWith('.map'))
                report({ path: f.path, args: { path: f.path } });
    }
}));

;// CONCATENATED MODULE: ./src/rules/special-file.ts

/* harmony default export */ const special_file = (sourceIssueRule({
    id: 'special-file',
    description: 'A device, socket or FIFO in the source; never read.',
    defaultSeverity: 'error',
    message: (a) => `"${a.path}" is not a regular file or folder (a socket, FIFO or device)`,
    fix: 'Remove it from the build output.'
}));

;// CONCATENATED MODULE: ./src/rules/symlink.ts

/* harmony default export */ const symlink = (sourceIssueRule({
    id: 'symlink',
    description: 'A symbolic link in the source; never followed, never packed.',
    defaultSeverity: 'error',
    message: (a) => `"${a.path}" is a symbolic link${a.target ? ` to ${a.target}` : ''}; links are not followed or packed`,
    fix: 'Copy the real file into the build output instead of linking it (e.g. cp -L).'
}));

;// CONCATENATED MODULE: ./src/rules/tar-path-length.ts


const TAR_NAME_LIMIT = 100;
/* harmony default export */ const tar_path_length = (defineRule({
    id: 'tar-path-length',
    description: 'The path after ID/ is at most 100 bytes (longer names need GNU long-name records in the .amr tar).',
    defaultSeverity: 'warning',
    message: (a) => `"${a.inner}" is ${a.bytes} bytes, over the ${a.limit}-byte tar name field; older clients may not unpack it`,
    fix: 'Shorten deep folder names (e.g. flatten static/js/chunks/…).',
    check({ pkg }, report) {
        for (const f of pkg.files) {
            const inner = pathInPackage(f.path);
            const bytes = Buffer.byteLength(inner);
            if (bytes > TAR_NAME_LIMIT)
                report({ path: f.path, args: { inner, bytes, limit: TAR_NAME_LIMIT } });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/type-mismatch.ts


/* harmony default export */ const type_mismatch = (defineRule({
    id: 'type-mismatch',
    description: 'The layout matches the declared package type; global and standard are never mixed.',
    defaultSeverity: 'error',
    message: (a) => a.declared === 'global'
        ? `declared a global package, but "${a.id}" has no <host>/…/<appId>_<workspace>/ folders`
        : `declared a standard package, but "${a.id}" is laid out as a global package (${a.example})`,
    fix: 'Set the package type to what the layout is (--type / package-type), or lay the files out for that type.',
    check({ pkg, config }, report) {
        if (!pkg.typeDeclared || pkg.mode === 'build' || !pkg.id)
            return;
        const detected = guessType(pkg.files, pkg.id, config);
        if (detected === pkg.type)
            return;
        const example = pkg.files.find((f) => f.path.split('/').length >= 4)?.path ?? '';
        report({ path: pkg.id, args: { declared: pkg.type, detected, id: pkg.id, example } });
    }
}));

;// CONCATENATED MODULE: ./src/rules/unsafe-path.ts

/* harmony default export */ const unsafe_path = (sourceIssueRule({
    id: 'unsafe-path',
    description: 'A zip entry name with "..", an absolute path, a backslash or a drive letter; never extracted.',
    defaultSeverity: 'error',
    message: (a) => `zip entry "${a.path}" is unsafe (${a.reason}); it was not read`,
    fix: 'Rebuild the zip from the folder with relative, forward-slash paths (h5-offline pack does).'
}));

;// CONCATENATED MODULE: ./src/rules/version-format.ts

/* harmony default export */ const version_format = (defineRule({
    id: 'version-format',
    description: 'The version is dotted numbers; anything but four parts (1.0.0.1) is a warning.',
    defaultSeverity: 'error',
    message: (a) => a.problem === 'parts'
        ? `version "${a.version}" has ${a.parts} part(s); the MDS console uses four${a.suggestion ? ` (e.g. ${a.suggestion})` : ''}`
        : `version "${a.version}" is not dotted numbers such as 1.0.0.1`,
    fix: 'Use four dotted numbers, e.g. 1.2.3.0.',
    check({ config }, report) {
        const version = config.version;
        if (version === undefined)
            return;
        if (!/^\d+(\.\d+)*$/.test(version))
            return report({ args: { problem: 'format', version } });
        const parts = version.split('.');
        if (parts.length !== 4) {
            const suggestion = parts.length < 4 ? [...parts, '0', '0', '0'].slice(0, 4).join('.') : '';
            report({
                severity: 'warning',
                args: { problem: 'parts', version, parts: parts.length, suggestion }
            });
        }
    }
}));

;// CONCATENATED MODULE: ./src/rules/index.ts



































/** Every rule over the package model, in the order reports list them by default. */
const packageRules = [
    single_root,
    package_id_format,
    package_id_mismatch,
    package_id_reserved,
    empty_package,
    type_mismatch,
    global_host,
    global_prefix,
    global_stray_file,
    global_url_length,
    global_unversioned,
    main_entry,
    name_url_unsafe,
    name_urlencode,
    name_case_collision,
    tar_path_length,
    junk_file,
    sensitive_file,
    source_map,
    symlink,
    unsafe_path,
    duplicate_entry,
    encrypted_entry,
    name_encoding,
    special_file,
    server_reserved_name,
    size_budget,
    version_format,
    ios_version_mismatch,
    ios_min_version
];
/** Rules over the reference scan; they need file contents and are skipped with --no-refs. */
const contentRules = [
    ref_broken,
    ref_case_mismatch,
    ref_global_relative,
    ref_global_missing,
    ref_url_unsafe
];

;// CONCATENATED MODULE: ./src/zip/entries.ts
/** Already-compressed media: deflate costs time and gains nothing. */
const STORED_EXTENSIONS = new Set('png jpg jpeg webp gif avif heic woff woff2 mp3 mp4 m4a webm ogg zip gz br 7z rar'.split(' '));
function isCompressedMedia(name) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    return dot > 0 && STORED_EXTENSIONS.has(base.slice(dot + 1).toLowerCase());
}
/** One entry per folder that holds one of `fileNames` (`a/`, `a/b/`…), as `zip -r` writes them. */
function directoryInputs(fileNames) {
    const dirs = new Set();
    for (const name of fileNames) {
        for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1))
            dirs.add(name.slice(0, i + 1));
    }
    return [...dirs].map((name) => ({
        name,
        kind: 'directory',
        size: 0,
        compress: false,
        open: () => {
            throw new Error('directories have no content');
        }
    }));
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
;// CONCATENATED MODULE: ./src/zip/writer.ts
/**
 * Reproducible ZIP writer.
 *
 * Several entries are read and deflated at once, but they are written strictly in input order,
 * each local header carrying its final CRC and sizes (no data descriptors). An entry takes one of
 * three paths, by size:
 * - up to DEFLATE_CHUNK: read whole and deflated in one call (on the main thread up to
 *   SYNC_DEFLATE_LIMIT, else on the libuv pool);
 * - up to `bufferLimit`: deflated in blocks on the libuv pool, several at once (see deflateInto),
 *   keeping both the raw and the deflated chunks in memory;
 * - bigger: streamed the same way into two temp files beside the output (raw and deflated), the
 *   one kept being copied in when the entry's turn comes. Both are needed because `open()` may be
 *   called only once and whether deflating pays off is known only at the end.
 * The path does not change the bytes: blocks are cut at fixed offsets, whatever the reads. The
 * output does depend on the zlib build, so reproducibility holds for one Node version. zlib contexts are never reused: after a reset, the previous entry's window still
 * changes what chromium's zlib emits.
 */






/** A file yielded more or fewer bytes than its listed `size`: it changed while being packed. */
class ZipSourceChangedError extends Error {
    entry;
    expected;
    actual;
    constructor(entry, expected, actual) {
        const read = actual > expected ? `more than ${expected}` : String(actual);
        super(`zip: "${entry}" changed while packing: listed as ${expected} bytes, read ${read}`);
        this.entry = entry;
        this.expected = expected;
        this.actual = actual;
        this.name = 'ZipSourceChangedError';
    }
}
/** Reading or spilling one entry failed; `code` and `cause` are those of the original error. */
class ZipEntryError extends Error {
    entry;
    code;
    constructor(entry, cause) {
        super(`zip: "${entry}": ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        this.entry = entry;
        this.name = 'ZipEntryError';
        this.code = cause?.code;
    }
}
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const MiB = 1024 * 1024;
/** Largest entry held in memory; bigger ones are spilled so one entry cannot take the budget. */
const SPILL_THRESHOLD = 16 * MiB;
/** Budget charged for a spilled entry: its stream buffers, not its size. */
const STREAM_WINDOW = 1 * MiB;
/**
 * Budget charged per entry on top of its bytes, so that finished-but-unwritten empty entries are
 * bounded in number too.
 */
const ENTRY_OVERHEAD = 512;
/** Output write buffer, and the reads of spill files. */
const IO_CHUNK = 1 * MiB;
const CD_BLOCK = 256 * 1024;
/**
 * Entries up to this size are deflated in one go; bigger ones are streamed in chunks of it, so
 * that pool jobs stay short and no large buffer is allocated.
 */
const DEFLATE_CHUNK = 64 * 1024;
/** Input bytes per deflate job of a bigger entry, and how many of its jobs run at once (see deflateInto). */
const DEFLATE_BLOCK = 256 * 1024;
const BLOCKS_IN_FLIGHT = 4;
/** What deflate can refer back to: the dictionary carried from one block to the next. */
const DICTIONARY = 32 * 1024;
/**
 * Up to this size an entry is deflated on the main thread: cheaper than a round trip through the
 * thread pool (a wake-up per job, and the I/O queued behind it), and it makes the main thread one
 * more deflater. The output is the same either way.
 */
const SYNC_DEFLATE_LIMIT = 16 * 1024;
const FLAG_UTF8 = 0x0800;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const VERSION = 20;
const VERSION_ZIP64 = 45;
const UNIX = 3;
const FILE_ATTRS = (0o100644 << 16) >>> 0;
const DIR_ATTRS = ((0o040755 << 16) | 0x10) >>> 0;
const DOS_MIN = Date.UTC(1980, 0, 1);
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);
const EMPTY = Buffer.alloc(0);
const deflateRaw = (0,external_node_util_.promisify)((external_node_zlib_default()).deflateRaw);
/** Writes `inputs` as a ZIP archive to `outPath` (temp file, fsync, rename). */
async function writeZip(outPath, inputs, opts) {
    const settings = resolveOptions(opts);
    inputs.forEach(validateInput);
    const tmpPath = `${outPath}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
    const out = await OutputFile.create(tmpPath);
    const packer = new Packer(inputs, settings, tmpPath);
    try {
        const central = new CentralDirectory(settings);
        let files = 0;
        for (let i = 0; i < inputs.length; i++) {
            const input = inputs[i];
            const { data, ...packed } = await packer.take(i);
            const entry = {
                ...packed,
                name: Buffer.from(input.name, 'utf8'),
                isDir: input.kind === 'directory',
                offset: out.position
            };
            await out.append(localHeader(entry, settings));
            if (Array.isArray(data))
                for (const chunk of data)
                    await out.append(chunk);
            else
                await packer.copySpill(out, data.spill);
            packer.release(i);
            central.add(entry);
            if (entry.isDir)
                continue;
            files++;
            opts.onEntryDone?.(input, { crc32: entry.crc, compressedSize: entry.compressedSize });
        }
        await central.writeTo(out);
        const sha256 = await out.commit(outPath);
        return { path: outPath, sha256, bytes: out.position, entries: inputs.length, files };
    }
    catch (err) {
        packer.abort(err);
        await out.discard();
        throw packer.failure;
    }
    finally {
        await packer.settle();
    }
}
function resolveOptions(opts) {
    const level = opts.level ?? 6;
    const concurrency = opts.concurrency ?? 4;
    const maxBytesInFlight = opts.maxBytesInFlight ?? 32 * MiB;
    if (!Number.isInteger(level) || level < 0 || level > 9)
        throw new RangeError(`zip: level must be 0..9, got ${level}`);
    if (!Number.isInteger(concurrency) || concurrency < 1)
        throw new RangeError(`zip: concurrency must be a positive integer, got ${concurrency}`);
    if (!(maxBytesInFlight > 0))
        throw new RangeError(`zip: maxBytesInFlight must be positive, got ${maxBytesInFlight}`);
    const mtime = opts.mtime.getTime();
    if (Number.isNaN(mtime))
        throw new RangeError('zip: mtime is an invalid Date');
    const t = new Date(Math.min(Math.max(mtime, DOS_MIN), DOS_MAX));
    return {
        level,
        concurrency,
        maxBytesInFlight,
        // half the budget, so that a big entry cannot starve the others of it
        bufferLimit: Math.min(SPILL_THRESHOLD, Math.floor(maxBytesInFlight / 2)),
        forceZip64: opts.zip64 === 'always',
        dosTime: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
        dosDate: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
        onChunk: opts.onChunk
    };
}
/** Rejects inputs that would make a malformed archive, before anything is written. */
function validateInput(input) {
    const nameLength = Buffer.byteLength(input.name, 'utf8');
    const isDir = input.kind === 'directory';
    if (nameLength === 0 || nameLength > MAX16)
        throw new RangeError(`zip: entry name must be 1..65535 bytes: "${input.name}"`);
    if (isDir !== input.name.endsWith('/')) {
        throw new TypeError(`zip: "${input.name}": directory names must end with '/', file names must not`);
    }
    if (!isDir && !(Number.isSafeInteger(input.size) && input.size >= 0)) {
        throw new RangeError(`zip: "${input.name}": size must be a non-negative integer, got ${input.size}`);
    }
}
/**
 * Starts entries in input order, as long as fewer than `concurrency` are being read and the bytes
 * of started-but-unwritten entries fit in `maxBytesInFlight`. Finished entries wait for the writer,
 * which releases their budget once written.
 */
class Packer {
    inputs;
    settings;
    spillBase;
    tasks = new Map();
    controller = new AbortController();
    spills = new Set();
    next = 0;
    active = 0;
    inFlight = 0;
    failed = false;
    failure;
    constructor(inputs, settings, spillBase) {
        this.inputs = inputs;
        this.settings = settings;
        this.spillBase = spillBase;
        // one listener per open input stream, and those are bounded by `concurrency`
        (0,external_node_events_.setMaxListeners)(0, this.controller.signal);
    }
    /** The packed bytes of entry `i`; every entry before `i` must have been released. */
    take(i) {
        if (this.failed)
            return Promise.reject(this.failure);
        this.pump();
        const task = this.tasks.get(i);
        // cannot happen: once all before `i` are released nothing is in flight, so pump() started `i`
        if (!task)
            throw new Error(`zip: internal error: entry ${i} was not started`);
        return task;
    }
    release(i) {
        this.tasks.delete(i);
        this.inFlight -= this.cost(this.inputs[i]);
        this.pump();
    }
    /** Records the first failure and stops every entry being read. */
    abort(err) {
        if (this.failed)
            return;
        this.failed = true;
        this.failure = err;
        this.controller.abort(err);
    }
    /** Waits for every started entry to stop, then deletes the spill files left over. */
    async settle() {
        await Promise.allSettled(this.tasks.values());
        await Promise.all([...this.spills].map((p) => (0,promises_.unlink)(p).catch(() => { })));
    }
    cost(input) {
        if (input.kind === 'directory')
            return ENTRY_OVERHEAD;
        return ENTRY_OVERHEAD + (input.size <= this.settings.bufferLimit ? input.size : STREAM_WINDOW);
    }
    pump() {
        const { concurrency, maxBytesInFlight } = this.settings;
        while (!this.failed && this.next < this.inputs.length && this.active < concurrency) {
            const cost = this.cost(this.inputs[this.next]);
            // an entry bigger than the whole budget still goes, alone
            if (this.inFlight > 0 && this.inFlight + cost > maxBytesInFlight)
                return;
            this.inFlight += cost;
            this.start(this.next++);
        }
    }
    start(i) {
        const input = this.inputs[i];
        if (input.kind === 'directory') {
            this.tasks.set(i, Promise.resolve({
                method: METHOD_STORE,
                crc: 0,
                size: 0,
                compressedSize: 0,
                data: []
            }));
            return;
        }
        this.active++;
        const task = this.pack(input, i);
        this.tasks.set(i, task);
        task.then(() => this.finished(), (err) => {
            this.abort(err);
            this.finished();
        });
    }
    finished() {
        this.active--;
        this.pump();
    }
    async pack(input, i) {
        const reader = new EntryReader(input, this.settings.onChunk, this.controller.signal);
        try {
            return input.size <= Math.min(DEFLATE_CHUNK, this.settings.bufferLimit)
                ? await packSmall(reader, input, this.settings.level)
                : await this.packStreamed(reader, input, `${this.spillBase}.${i}`);
        }
        catch (err) {
            throw err instanceof ZipSourceChangedError ? err : new ZipEntryError(input.name, err);
        }
    }
    /**
     * Reads the entry into a raw sink while deflating it into another, then keeps the smaller. The
     * sinks are memory up to `bufferLimit`, else spill files; in memory the chunks are kept as they
     * come, because large transient allocations leave the process with a larger RSS.
     */
    async packStreamed(reader, input, base) {
        const openSink = (suffix) => input.size <= this.settings.bufferLimit
            ? Promise.resolve(new MemorySink())
            : FileSink.create(`${base}.${suffix}`, this.spills);
        const raw = await openSink('raw');
        let deflated;
        let compressedSize = input.size;
        try {
            if (input.compress) {
                deflated = await openSink('deflated');
                compressedSize = await deflateInto(reader, raw, deflated, this.settings.level, input.size);
            }
            else {
                for await (const chunk of reader.chunks())
                    await raw.write(chunk);
            }
        }
        finally {
            await Promise.all([raw.close(), deflated?.close()]);
        }
        const stored = {
            method: METHOD_STORE,
            crc: reader.crc,
            size: input.size,
            compressedSize: input.size,
            data: raw.data()
        };
        if (!deflated || compressedSize >= input.size) {
            await deflated?.discard();
            return stored;
        }
        await raw.discard();
        return { ...stored, method: METHOD_DEFLATE, compressedSize, data: deflated.data() };
    }
    /** Copies a spilled entry into the output, then deletes the spill. */
    async copySpill(out, path) {
        await copyFile(out, path);
        this.spills.delete(path);
        await (0,promises_.unlink)(path);
    }
}
/** Reads one input, checking its size and computing its CRC as the chunks go by. */
class EntryReader {
    input;
    onChunk;
    signal;
    crc = 0;
    bytes = 0;
    constructor(input, onChunk, signal) {
        this.input = input;
        this.onChunk = onChunk;
        this.signal = signal;
    }
    /** The input's bytes as they come: from read() in one piece when the input has it, else from its stream. */
    async *chunks() {
        const { input } = this;
        for await (const chunk of input.read
            ? this.readAtOnce()
            : (0,external_node_stream_.addAbortSignal)(this.signal, input.open())) {
            if (!Buffer.isBuffer(chunk))
                throw new TypeError('stream must yield Buffers');
            this.bytes += chunk.length;
            if (this.bytes > input.size)
                throw new ZipSourceChangedError(input.name, input.size, this.bytes);
            this.crc = external_node_zlib_default().crc32(chunk, this.crc);
            this.onChunk?.(input, chunk);
            yield chunk;
        }
        if (this.bytes !== input.size)
            throw new ZipSourceChangedError(input.name, input.size, this.bytes);
    }
    /** All the bytes in one buffer. */
    async whole() {
        const chunks = [];
        for await (const chunk of this.chunks())
            chunks.push(chunk);
        return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, this.input.size);
    }
    /** read()'s buffer as the one chunk (none for an empty file, as a stream gives none). */
    async *readAtOnce() {
        const bytes = await this.input.read();
        this.signal.throwIfAborted();
        if (bytes.length)
            yield bytes;
    }
}
/** Deflates a small entry in one go: the usual case, and the cheapest. */
async function packSmall(reader, input, level) {
    const raw = await reader.whole();
    const stored = {
        method: METHOD_STORE,
        crc: reader.crc,
        size: input.size,
        compressedSize: input.size,
        data: [raw]
    };
    if (!input.compress || input.size === 0)
        return stored;
    // one output chunk as big as the input: usually enough, and no 16 KiB buffer is held for a
    // small result
    const options = { level, chunkSize: Math.max(raw.length, (external_node_zlib_default()).constants.Z_MIN_CHUNK) };
    const deflated = raw.length <= SYNC_DEFLATE_LIMIT
        ? external_node_zlib_default().deflateRawSync(raw, options)
        : await deflateRaw(raw, options);
    if (deflated.length >= raw.length)
        return stored;
    return { ...stored, method: METHOD_DEFLATE, compressedSize: deflated.length, data: [deflated] };
}
/**
 * Streams the entry into `raw` and, deflated, into `deflated`; returns the deflated size. Past the
 * raw size the entry will be stored anyway, so `deflated` stops receiving (the count goes on).
 *
 * One big entry is deflated on several threads, as pigz does: the input is cut into blocks of
 * DEFLATE_BLOCK bytes, each deflated on its own with the previous 32 KiB as dictionary and ended by a
 * sync flush (the last one finishes the stream); the outputs, concatenated in order, are one valid
 * deflate stream. Block boundaries depend only on offsets, so the bytes do not depend on how reads
 * are cut. Measured: 0.06% larger than one stream.
 */
async function deflateInto(reader, raw, deflated, level, size) {
    let compressedSize = 0;
    const queue = [];
    let parts = [];
    let partBytes = 0;
    let read = 0;
    let dictionary;
    const submit = (last) => {
        const block = parts.length === 1 ? parts[0] : Buffer.concat(parts, partBytes);
        const job = deflateRaw(block, {
            level,
            chunkSize: DEFLATE_CHUNK,
            ...(dictionary && { dictionary }),
            finishFlush: last ? (external_node_zlib_default()).constants.Z_FINISH : (external_node_zlib_default()).constants.Z_SYNC_FLUSH
        });
        // Awaited in order below; a failure meanwhile must not surface as an unhandled rejection.
        job.catch(() => { });
        queue.push(job);
        dictionary = block.subarray(Math.max(0, block.length - DICTIONARY));
        parts = [];
        partBytes = 0;
    };
    const emit = async () => {
        const out = await queue.shift();
        compressedSize += out.length;
        if (compressedSize < size)
            await deflated.write(out);
    };
    try {
        for await (const chunk of reader.chunks()) {
            await raw.write(chunk);
            for (let offset = 0; offset < chunk.length;) {
                const take = Math.min(DEFLATE_BLOCK - partBytes, chunk.length - offset);
                parts.push(take === chunk.length ? chunk : chunk.subarray(offset, offset + take));
                partBytes += take;
                offset += take;
                read += take;
                // A full block at the very end is the last one: it is finished after the loop.
                if (partBytes === DEFLATE_BLOCK && read < size) {
                    submit(false);
                    while (queue.length >= BLOCKS_IN_FLIGHT)
                        await emit();
                }
            }
        }
        submit(true);
        while (queue.length)
            await emit();
    }
    finally {
        await Promise.allSettled(queue);
    }
    return compressedSize;
}
class MemorySink {
    chunks = [];
    async write(chunk) {
        this.chunks.push(chunk);
    }
    async close() { }
    data() {
        return this.chunks;
    }
    async discard() {
        this.chunks = [];
    }
}
/** A temp file beside the output; `spills` tracks it until it is deleted. */
class FileSink {
    fh;
    path;
    spills;
    constructor(fh, path, spills) {
        this.fh = fh;
        this.path = path;
        this.spills = spills;
    }
    static async create(path, spills) {
        const fh = await (0,promises_.open)(path, 'wx');
        spills.add(path);
        return new FileSink(fh, path, spills);
    }
    write(chunk) {
        return writeAll(this.fh, chunk);
    }
    close() {
        return this.fh.close();
    }
    data() {
        return { spill: this.path };
    }
    async discard() {
        this.spills.delete(this.path);
        await (0,promises_.unlink)(this.path);
    }
}
/** FileHandle.write may write less than asked (e.g. just before ENOSPC). */
async function writeAll(fh, data) {
    let done = 0;
    while (done < data.length) {
        const { bytesWritten } = await fh.write(data, done, data.length - done);
        done += bytesWritten;
    }
}
async function copyFile(out, path) {
    const fh = await (0,promises_.open)(path, 'r');
    try {
        const buffer = Buffer.allocUnsafe(IO_CHUNK);
        for (;;) {
            const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
            if (bytesRead === 0)
                return;
            await out.append(buffer.subarray(0, bytesRead));
        }
    }
    finally {
        await fh.close();
    }
}
/** The temp output: coalesces small writes, hashes everything in order, renames on commit. */
class OutputFile {
    fh;
    path;
    position = 0;
    hash = (0,external_node_crypto_.createHash)('sha256');
    buffer = Buffer.allocUnsafe(IO_CHUNK);
    used = 0;
    constructor(fh, path) {
        this.fh = fh;
        this.path = path;
    }
    static async create(path) {
        return new OutputFile(await (0,promises_.open)(path, 'wx'), path);
    }
    /** `data` may be reused by the caller once this resolves. */
    async append(data) {
        this.hash.update(data);
        this.position += data.length;
        if (this.used + data.length > this.buffer.length)
            await this.flush();
        if (data.length >= this.buffer.length) {
            await writeAll(this.fh, data);
        }
        else {
            data.copy(this.buffer, this.used);
            this.used += data.length;
        }
    }
    /** Flushes, fsyncs and renames to `target`; returns the SHA-256 of everything written. */
    async commit(target) {
        await this.flush();
        await this.fh.sync();
        await this.fh.close();
        await (0,promises_.rename)(this.path, target);
        return this.hash.digest('hex');
    }
    async discard() {
        await this.fh.close().catch(() => { });
        await (0,promises_.unlink)(this.path).catch(() => { });
    }
    async flush() {
        if (this.used === 0)
            return;
        await writeAll(this.fh, this.buffer.subarray(0, this.used));
        this.used = 0;
    }
}
/**
 * Which values of an entry overflow into its ZIP64 extra field (APPNOTE 4.5.3). The local header
 * carries both sizes if either overflows; the central header carries, in this order, only those
 * of size, compressed size and offset whose 32-bit field is set to 0xFFFFFFFF.
 */
function zip64Layout(r, force) {
    const over = (v) => force || v >= MAX32;
    const size = over(r.size);
    const compressedSize = over(r.compressedSize);
    const offset = over(r.offset);
    const local = size || compressedSize;
    const central = [];
    if (size)
        central.push(r.size);
    if (compressedSize)
        central.push(r.compressedSize);
    if (offset)
        central.push(r.offset);
    return {
        local,
        size,
        compressedSize,
        offset,
        central,
        version: local || offset ? VERSION_ZIP64 : VERSION
    };
}
const zip64ExtraLength = (values) => (values.length === 0 ? 0 : 4 + 8 * values.length);
function writeZip64Extra(target, at, values) {
    if (values.length === 0)
        return;
    target.writeUInt16LE(0x0001, at);
    target.writeUInt16LE(8 * values.length, at + 2);
    values.forEach((v, i) => target.writeBigUInt64LE(BigInt(v), at + 4 + 8 * i));
}
function localHeader(r, s) {
    const z = zip64Layout(r, s.forceZip64);
    const sizes = z.local ? [r.size, r.compressedSize] : [];
    // from Node's shared pool: an ArrayBuffer of its own per entry makes V8 collect garbage far more often
    const b = Buffer.allocUnsafe(30 + r.name.length + zip64ExtraLength(sizes)).fill(0);
    b.writeUInt32LE(0x04034b50, 0);
    b.writeUInt16LE(z.version, 4);
    b.writeUInt16LE(FLAG_UTF8, 6);
    b.writeUInt16LE(r.method, 8);
    b.writeUInt16LE(s.dosTime, 10);
    b.writeUInt16LE(s.dosDate, 12);
    b.writeUInt32LE(r.crc, 14);
    b.writeUInt32LE(z.local ? MAX32 : r.compressedSize, 18);
    b.writeUInt32LE(z.local ? MAX32 : r.size, 22);
    b.writeUInt16LE(r.name.length, 26);
    b.writeUInt16LE(zip64ExtraLength(sizes), 28);
    r.name.copy(b, 30);
    writeZip64Extra(b, 30 + r.name.length, sizes);
    return b;
}
/**
 * The central directory, built as entries are written. Records are packed into large blocks so
 * that 100,000 entries make a few dozen objects for the garbage collector, not 100,000.
 */
class CentralDirectory {
    settings;
    blocks = [];
    block = EMPTY;
    used = 0;
    count = 0;
    constructor(settings) {
        this.settings = settings;
    }
    add(r) {
        const z = zip64Layout(r, this.settings.forceZip64);
        const length = 46 + r.name.length + zip64ExtraLength(z.central);
        if (this.used + length > this.block.length) {
            this.sealBlock();
            this.block = Buffer.alloc(Math.max(CD_BLOCK, length));
        }
        writeCentralHeader(this.block, this.used, r, z, this.settings);
        this.used += length;
        this.count++;
    }
    /** Writes the records, then the ZIP64 end record and locator if any EOCD field overflows, then the EOCD. */
    async writeTo(out) {
        this.sealBlock();
        const cdOffset = out.position;
        for (const block of this.blocks)
            await out.append(block);
        const cdSize = out.position - cdOffset;
        const { count, settings } = this;
        const countOver = settings.forceZip64 || count >= MAX16;
        const sizeOver = settings.forceZip64 || cdSize >= MAX32;
        const offsetOver = settings.forceZip64 || cdOffset >= MAX32;
        if (countOver || sizeOver || offsetOver) {
            await out.append(zip64EndRecord(count, cdSize, cdOffset));
            await out.append(zip64EndLocator(cdOffset + cdSize));
        }
        const end = Buffer.alloc(22);
        end.writeUInt32LE(0x06054b50, 0);
        // number of this disk, disk where the central directory starts: 0
        end.writeUInt16LE(countOver ? MAX16 : count, 8);
        end.writeUInt16LE(countOver ? MAX16 : count, 10);
        end.writeUInt32LE(sizeOver ? MAX32 : cdSize, 12);
        end.writeUInt32LE(offsetOver ? MAX32 : cdOffset, 16);
        // comment length: 0
        await out.append(end);
    }
    sealBlock() {
        if (this.used > 0)
            this.blocks.push(this.block.subarray(0, this.used));
        this.used = 0;
    }
}
function writeCentralHeader(b, at, r, z, s) {
    b.writeUInt32LE(0x02014b50, at);
    b.writeUInt16LE((UNIX << 8) | z.version, at + 4);
    b.writeUInt16LE(z.version, at + 6);
    b.writeUInt16LE(FLAG_UTF8, at + 8);
    b.writeUInt16LE(r.method, at + 10);
    b.writeUInt16LE(s.dosTime, at + 12);
    b.writeUInt16LE(s.dosDate, at + 14);
    b.writeUInt32LE(r.crc, at + 16);
    b.writeUInt32LE(z.compressedSize ? MAX32 : r.compressedSize, at + 20);
    b.writeUInt32LE(z.size ? MAX32 : r.size, at + 24);
    b.writeUInt16LE(r.name.length, at + 28);
    b.writeUInt16LE(zip64ExtraLength(z.central), at + 30);
    // comment length, disk number start, internal attributes: 0 (the block is zero-filled)
    b.writeUInt32LE(r.isDir ? DIR_ATTRS : FILE_ATTRS, at + 38);
    b.writeUInt32LE(z.offset ? MAX32 : r.offset, at + 42);
    r.name.copy(b, at + 46);
    writeZip64Extra(b, at + 46 + r.name.length, z.central);
}
function zip64EndRecord(count, cdSize, cdOffset) {
    const b = Buffer.alloc(56);
    b.writeUInt32LE(0x06064b50, 0);
    b.writeBigUInt64LE(44n, 4); // size of the rest of this record
    b.writeUInt16LE((UNIX << 8) | VERSION_ZIP64, 12);
    b.writeUInt16LE(VERSION_ZIP64, 14);
    // number of this disk, disk where the central directory starts: 0
    b.writeBigUInt64LE(BigInt(count), 24);
    b.writeBigUInt64LE(BigInt(count), 32);
    b.writeBigUInt64LE(BigInt(cdSize), 40);
    b.writeBigUInt64LE(BigInt(cdOffset), 48);
    return b;
}
function zip64EndLocator(endRecordOffset) {
    const b = Buffer.alloc(20);
    b.writeUInt32LE(0x07064b50, 0);
    // disk with the ZIP64 end record: 0
    b.writeBigUInt64LE(BigInt(endRecordOffset), 8);
    b.writeUInt32LE(1, 16); // total number of disks
    return b;
}

;// CONCATENATED MODULE: ./src/engine/run-rules.ts


/** Rejects rule ids the configuration names but no rule has, so a typo cannot silence a rule. */
function checkRuleSettings(config, rules) {
    const known = new Set(rules.map((r) => r.id));
    const unknown = Object.keys(config.rules).filter((id) => !known.has(id));
    if (unknown.length) {
        throw new errors/* UsageError */.e(`unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; known rules: ${[...known].sort().join(', ')}`, 'rules');
    }
}
async function runRules(rules, ctx) {
    const findings = [];
    for (const rule of rules) {
        const setting = ctx.config.rules[rule.id];
        if (setting === 'off')
            continue;
        await rule.check(ctx, (r) => {
            findings.push({
                rule: rule.id,
                // A configured severity wins over the rule's own case-by-case default.
                severity: setting ?? r.severity ?? rule.defaultSeverity,
                ...(r.path !== undefined && { path: r.path, file: sourcePathOf(ctx.pkg, r.path) }),
                ...(r.line !== undefined && { line: r.line }),
                ...(r.column !== undefined && { column: r.column }),
                args: r.args ?? {}
            });
        });
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/engine/validate.ts






const allRules = [...packageRules, ...contentRules];
/** Lists, lays out and checks a package; file contents are read only for the reference scan. */
async function validatePackage(location, config) {
    checkRuleSettings(config, allRules);
    const source = await openPackageSource(location, config);
    try {
        const pkg = buildPackageModel(source, config);
        const findings = await runRules(packageRules, { config, pkg });
        const refs = config.checkReferences ? await scanReferences(pkg, source, config) : undefined;
        if (refs)
            findings.push(...(await runRules(contentRules, { config, pkg, refs })));
        return result(pkg, findings, refs);
    }
    finally {
        await source.close();
    }
}
function result(pkg, findings, refs) {
    findings.sort(core_findings/* compareFindings */.Eg);
    return { pkg, findings, counts: (0,core_findings/* countFindings */.Gt)(findings), refs };
}

;// CONCATENATED MODULE: ./src/engine/pack.ts
















/** Input bytes the zip writer may hold across entries being deflated; measured: 16 MiB is as fast as 32 on two cores. */
const ZIP_BYTES_IN_FLIGHT = 16 * 1024 * 1024;
/** Files up to this size are read in one call rather than streamed (the writer deflates them in one call too). */
const READ_AT_ONCE = 64 * 1024;
/** A fixed, ordinary date so that zips from the same files are byte-identical on every machine. */
const DEFAULT_MTIME = new Date(Date.UTC(2000, 0, 1));
/**
 * Validates, then writes the upload zip in one read of every file: the bytes that are deflated are the bytes
 * the reference scan parses. The zip goes to a staging file next to `out` and is renamed only if the
 * finished validation allows it, so a refused or failed run leaves nothing at `out`.
 */
async function packPackage(location, config, options) {
    checkRuleSettings(config, allRules);
    const source = await openPackageSource(location, config);
    try {
        if (source.kind === 'zip') {
            throw new errors/* UsageError */.e(`pack takes a directory; ${location} is a zip (run validate on it instead)`, location);
        }
        const pkg = buildPackageModel(source, config);
        const ctx = { config, pkg };
        const findings = await runRules(packageRules, ctx);
        if (findings.some((f) => f.severity === 'error') && !options.force)
            return result(pkg, findings);
        const globalUrls = config.checkReferences && config.globalPackage
            ? await loadGlobalUrls(config.globalPackage, config)
            : undefined;
        // The scanner gets each file's bytes once the entry is written, when the writer is done with them.
        const scanner = config.checkReferences
            ? createReferenceScanner(pkg, config, globalUrls, { handOver: true })
            : undefined;
        const packed = pkg.files.filter((f) => !isDroppedByPacker(pkg, f.path, config.keepJunk, config.allowSensitive));
        const staging = external_node_path_default().join(external_node_path_default().dirname(external_node_path_default().resolve(options.out)), `.${external_node_path_default().basename(options.out)}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.staging`);
        await assertWritableDir(options.out);
        const byType = {};
        let zip;
        try {
            zip = await writeZip(staging, zipInputs(packed, source, scanner), {
                mtime: options.mtime ?? DEFAULT_MTIME,
                concurrency: options.concurrency,
                maxBytesInFlight: ZIP_BYTES_IN_FLIGHT,
                ...scannerHooks(scanner, byType)
            });
        }
        catch (e) {
            await scanner?.finish().catch(() => { });
            throw outputError(e, options.out);
        }
        let refs;
        try {
            refs = await scanner?.finish();
            if (refs)
                findings.push(...(await runRules(contentRules, { ...ctx, refs })));
            const budget = zippedBudgetFinding(config, zip.bytes);
            if (budget && config.rules[budget.rule] !== 'off')
                findings.push(withSeverity(budget, config));
            const refused = findings.some((f) => f.severity === 'error') && !options.force;
            if (refused) {
                await promises_default().rm(staging, { force: true });
                return result(pkg, findings, refs);
            }
            await promises_default().rename(staging, options.out);
        }
        catch (e) {
            await promises_default().rm(staging, { force: true });
            throw e;
        }
        return {
            ...result(pkg, findings, refs),
            zip: { path: options.out, sha256: zip.sha256, bytes: zip.bytes, files: zip.files, byType }
        };
    }
    finally {
        await source.close();
    }
}
/** Files plus one entry per folder that holds them (the ID folder is then the zip's one top-level entry). */
function zipInputs(files, source, scanner) {
    const inputs = directoryInputs(files.map((f) => f.path));
    const readSync = source.readSync;
    for (const f of files) {
        const scanned = scanner?.wants(f.path) ?? false;
        inputs.push({
            name: f.path,
            kind: 'file',
            size: f.size,
            compress: !isCompressedMedia(f.path),
            open: () => scanned ? afterBacklog(scanner, () => source.open(f.source)) : source.open(f.source),
            ...(readSync &&
                f.size <= READ_AT_ONCE && {
                read: () => scanned && scanner.backlog > SCAN_BACKLOG_LIMIT
                    ? scanner.below(SCAN_BACKLOG_LIMIT).then(() => readSync(f.source))
                    : readSync(f.source)
            })
        });
    }
    return inputs.sort((a, b) => (0,core_findings/* cmp */.r2)(a.name, b.name));
}
/**
 * Deflate outruns the reference scan when both share two cores; text files wait to be read until the scan has
 * caught up, so unscanned text cannot pile up in memory.
 */
function afterBacklog(scanner, open) {
    if (scanner.backlog <= SCAN_BACKLOG_LIMIT)
        return open();
    return external_node_stream_.Readable.from((async function* () {
        await scanner.below(SCAN_BACKLOG_LIMIT);
        yield* open();
    })());
}
function scannerHooks(scanner, byType) {
    const pending = new Map();
    return {
        onChunk(input, chunk) {
            if (!scanner?.wants(input.name))
                return;
            let chunks = pending.get(input.name);
            if (!chunks)
                pending.set(input.name, (chunks = []));
            chunks.push(chunk);
        },
        onEntryDone(input, info) {
            const stats = (byType[extensionOf(input.name) || '(none)'] ??= {
                files: 0,
                bytes: 0,
                zipped: 0
            });
            stats.files++;
            stats.bytes += input.size;
            stats.zipped += info.compressedSize;
            const chunks = pending.get(input.name);
            if (!chunks && !scanner?.wants(input.name))
                return;
            pending.delete(input.name);
            scanner.add(input.name, chunks?.length === 1 ? chunks[0] : Buffer.concat(chunks ?? [], input.size));
        }
    };
}
function withSeverity(f, config) {
    const setting = config.rules[f.rule];
    return { ...f, severity: setting === undefined || setting === 'off' ? 'error' : setting };
}
function extensionOf(p) {
    const name = p.slice(p.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
async function assertWritableDir(out) {
    const dir = external_node_path_default().dirname(external_node_path_default().resolve(out));
    try {
        // access() alone passes for a file: `--out notes.txt/p.zip` would fail later on a staging name
        if (!(await promises_default().stat(dir)).isDirectory())
            throw new Error('not a directory');
        await promises_default().access(dir, (promises_default()).constants.W_OK);
    }
    catch {
        throw new errors/* UsageError */.e(`cannot write ${out}: the folder ${dir} does not exist or is not writable`, 'out');
    }
    // checked before the zip is written, not when the final rename fails on it
    const existing = await promises_default().stat(out).catch(() => undefined);
    if (existing?.isDirectory()) {
        throw new errors/* UsageError */.e(`cannot write ${out}: it is a directory; give a file name such as ${external_node_path_default().join(out, 'package.zip')}`, 'out');
    }
}
/** Codes that only writing can cause: the error is about the output's disk, whichever entry was being spilled. */
const OUTPUT_FULL = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large for the file system'
};
/** A full disk under the output reads as such (the writer may be spilling an entry, and would name it). */
function outputError(e, out) {
    const code = e?.code;
    if (!code || !Object.hasOwn(OUTPUT_FULL, code))
        return e;
    return Object.assign(new Error(`cannot write ${out}: ${OUTPUT_FULL[code]}; nothing was written`, { cause: e }), { code });
}

;// CONCATENATED MODULE: ./src/action/package.ts







/**
 * A directory is validated and packed in one pass by the engine; a zip is validated and, when it passes, copied
 * to the output path as it is. The zip is written only when there are no errors, unless `fail-on: never`.
 */
async function buildPackage(inputs, config, tempDir, env) {
    const force = config.failOn === 'never';
    const explicit = inputs.output && !inputs.outputIsFolder && !(await isDirectory(inputs.output))
        ? inputs.output
        : undefined;
    const outDir = explicit ? external_node_path_default().dirname(explicit) : (inputs.output ?? tempDir);
    const finalName = (id) => explicit ?? external_node_path_default().join(outDir, defaultZipName(id, config.version, inputs.artifactName));
    // An output in a folder that does not exist yet gets the folder, as `mkdir -p` would.
    if (inputs.output)
        await promises_default().mkdir(outDir, { recursive: true });
    if (await isFile(inputs.location)) {
        const result = await validatePackage(inputs.location, config);
        const target = finalName(result.pkg.id);
        const byType = rawByType(result);
        if (result.counts.error > 0 && !force)
            return { result, sourceKind: 'zip', target, byType, notWritten: notWritten(result) };
        if (external_node_path_default().resolve(target) !== external_node_path_default().resolve(inputs.location))
            await promises_default().copyFile(inputs.location, target);
        const zip = {
            path: target,
            sha256: await sha256File(target),
            bytes: (await promises_default().stat(target)).size,
            files: result.pkg.files.length
        };
        return { result, sourceKind: 'zip', zip, target, byType };
    }
    const out = explicit ?? external_node_path_default().join(outDir, `.h5-offline-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.zip`);
    const packed = await packPackage(inputs.location, config, {
        out,
        force,
        mtime: sourceDateEpoch(env)
    });
    const target = finalName(packed.pkg.id);
    if (!packed.zip)
        return {
            result: packed,
            sourceKind: 'directory',
            target,
            byType: rawByType(packed),
            notWritten: notWritten(packed)
        };
    if (out !== target)
        await promises_default().rename(out, target);
    const { sha256, bytes, files, byType } = packed.zip;
    return {
        result: packed,
        sourceKind: 'directory',
        zip: { path: target, sha256, bytes, files },
        target,
        byType
    };
}
/** `<artifact-name>.zip` when an artifact name is given (the artifact is named after the file), else `<id>[_<version>].zip`. */
function defaultZipName(id, version, artifactName) {
    if (artifactName)
        return `${artifactName}.zip`;
    const safe = (s) => s.replace(/[^A-Za-z0-9._-]/g, '-');
    return `${safe(id ?? 'package')}${version ? `_${safe(version)}` : ''}.zip`;
}
function reportPathFor(zipPath) {
    return `${zipPath.replace(/\.zip$/i, '')}.report.json`;
}
function notWritten(result) {
    const n = result.counts.error;
    return `${n} error${n === 1 ? '' : 's'} (fix them, or set fail-on: never to write the zip anyway)`;
}
/** Sizes by file type from the package listing, for a zip given as input (its compressed sizes are not known). */
function rawByType(result) {
    const byType = {};
    for (const f of result.pkg.files) {
        const row = (byType[extensionOf(f.path) || '(none)'] ??= { files: 0, bytes: 0 });
        row.files++;
        row.bytes += f.size;
    }
    return byType;
}
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
async function isFile(p) {
    return (await promises_default().stat(p).catch(() => undefined))?.isFile() ?? false;
}
async function isDirectory(p) {
    return (await promises_default().stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
;// CONCATENATED MODULE: ./src/report/messages.ts

const RULES = new Map([...packageRules, ...contentRules].map((r) => [r.id, r]));
const DOCS_BASE = 'https://github.com/h5-offline/h5-offline-action/blob/main/docs/rules';
/** The one place findings become English. */
function formatMessage(f) {
    return RULES.get(f.rule)?.message(f.args) ?? `${f.rule}: ${JSON.stringify(f.args)}`;
}
function fixFor(ruleId) {
    return RULES.get(ruleId)?.fix ?? '';
}
function ruleDocsUrl(ruleId) {
    return `${DOCS_BASE}/${ruleId}.md`;
}
/** `path:line:column` with whatever parts the finding has. */
function messages_location(f) {
    if (!f.path)
        return '(package)';
    return [f.path, f.line, f.line !== undefined ? f.column : undefined]
        .filter((p) => p !== undefined)
        .join(':');
}

;// CONCATENATED MODULE: ./src/report/json.ts

/** The JSON report: a contract scripts rely on (see the README's CLI reference). */
function toJsonReport(v) {
    return {
        package: {
            id: v.pkg.id ?? null,
            type: v.pkg.type,
            files: v.pkg.files.length,
            bytes: v.pkg.files.reduce((s, f) => s + f.size, 0)
        },
        findings: v.findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            path: f.path ?? null,
            ...(f.file !== undefined && f.file !== f.path && { file: f.file }),
            ...(f.line !== undefined && { line: f.line }),
            ...(f.column !== undefined && { column: f.column }),
            message: formatMessage(f)
        })),
        counts: v.counts,
        ...(v.refs && {
            references: { files: v.refs.files, resolved: v.refs.resolved, external: v.refs.external }
        }),
        ...(v.zip && {
            zip: { path: v.zip.path, sha256: v.zip.sha256, bytes: v.zip.bytes, files: v.zip.files }
        })
    };
}
/**
 * The report as JSON text. `##[` is written as `#\u0023[` (the same string to a JSON reader) because a CI runner
 * reads `##[cmd]` anywhere in a log line as a command, and file names are attacker-chosen on pull requests.
 */
function stringifyReport(report) {
    return JSON.stringify(report, null, 2).replaceAll('##[', '#\\u0023[');
}

;// CONCATENATED MODULE: ./src/report/text.ts

const COLORS = {
    error: [31, 39],
    warning: [33, 39],
    notice: [36, 39],
    ok: [32, 39],
    dim: [2, 22],
    bold: [1, 22]
};
/**
 * Findings grouped by rule: the rule id and severity, each location with its message, then the fix once.
 * Terminal control characters in file names are made visible so a crafted name cannot rewrite the screen.
 */
function formatText(v, opts) {
    const paint = (style, s) => opts.color ? `\u001b[${COLORS[style][0]}m${s}\u001b[${COLORS[style][1]}m` : s;
    const lines = [];
    const byRule = new Map();
    for (const f of v.findings) {
        const list = byRule.get(f.rule) ?? [];
        list.push(f);
        byRule.set(f.rule, list);
    }
    for (const [rule, findings] of byRule) {
        const sev = findings[0].severity;
        lines.push(`${paint(sev, `${sev} ${rule}`)} ${paint('dim', `(${findings.length})`)}`);
        for (const f of findings) {
            const tag = f.severity !== sev ? `${paint(f.severity, f.severity)} ` : '';
            lines.push(`  ${tag}${paint('bold', text_visible(messages_location(f)))}  ${text_visible(formatMessage(f))}`);
        }
        lines.push(`  ${paint('dim', `fix: ${fixFor(rule)}`)}`);
        lines.push('');
    }
    const { error, warning, notice } = v.counts;
    const pkg = `${text_visible(v.pkg.id ?? '(no ID)')} (${v.pkg.type}, ${v.pkg.files.length} files)`;
    const verdict = error ? paint('error', '✗') : paint('ok', '✓');
    lines.push(`${verdict} ${pkg}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(notice, 'notice')}`);
    if (v.zip) {
        lines.push(`  wrote ${text_visible(v.zip.path)} (${v.zip.files} files, ${v.zip.bytes} bytes, sha256 ${v.zip.sha256})`);
    }
    return lines.join('\n') + '\n';
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/**
 * Control characters (newlines, ESC, bidi overrides) shown as escapes instead of acting on the terminal, and
 * workflow-command syntax (`::cmd::` at a line start, `##[cmd]` anywhere) broken up, so a crafted file name
 * printed in a CI log cannot run a command.
 */
function text_visible(s) {
    return (s
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/^(\s*):/, '$1\\u003a')
        .replaceAll('##[', '#\\u0023['));
}

;// CONCATENATED MODULE: ./src/action/annotations.ts



/** The runner shows at most this many annotations of each severity per step and drops the rest silently. */
const ANNOTATIONS_PER_SEVERITY = 10;
/**
 * Errors first, at most 10 of each severity, minus the slots the Action needs for itself; when findings are left
 * out, one notice says how many and where to find them, and that notice's slot is kept free too.
 */
function planAnnotations(findings, opts) {
    const by = { error: [], warning: [], notice: [] };
    for (const f of findings)
        by[f.severity].push(f);
    const budget = (s) => Math.max(0, ANNOTATIONS_PER_SEVERITY - (opts.reserved?.[s] ?? 0));
    const overflow = ['error', 'warning', 'notice'].some((s) => by[s].length > budget(s));
    const limit = {
        error: budget('error'),
        warning: budget('warning'),
        notice: Math.max(0, budget('notice') - (overflow ? 1 : 0))
    };
    const annotations = [];
    const omitted = { error: 0, warning: 0, notice: 0 };
    for (const level of ['error', 'warning', 'notice']) {
        by[level].forEach((f, i) => {
            if (i < limit[level])
                annotations.push(toAnnotation(f, opts.fileOf(f)));
            else
                omitted[level]++;
        });
    }
    const more = omitted.error + omitted.warning + omitted.notice;
    if (more > 0) {
        const parts = ['error', 'warning', 'notice']
            .filter((s) => omitted[s] > 0)
            .map((s) => `${omitted[s]} ${s}${omitted[s] === 1 ? '' : 's'}`);
        annotations.push({
            level: 'notice',
            message: `${more} more finding${more === 1 ? ' is' : 's are'} not shown as annotations (${parts.join(', ')}): ` +
                `a step shows at most ${ANNOTATIONS_PER_SEVERITY} errors, ${ANNOTATIONS_PER_SEVERITY} warnings and ` +
                `${ANNOTATIONS_PER_SEVERITY} notices. ${opts.completeListIn} lists every finding.`,
            properties: { title: 'More findings' }
        });
    }
    return { annotations, omitted };
}
function toAnnotation(f, { file, own }) {
    const properties = { title: f.rule };
    if (file)
        properties.file = file;
    // The toolkit drops falsy values, and the runner counts from 1.
    if (file && own && f.line !== undefined) {
        properties.startLine = Math.max(1, f.line);
        if (f.column !== undefined)
            properties.startColumn = Math.max(1, f.column);
    }
    // File names are shown with control and bidi characters made visible; the toolkit escapes the rest.
    const where = f.path && !(own && file) ? `${text_visible(messages_location(f))}: ` : '';
    const message = [`${where}${text_visible(formatMessage(f))}`, fixFor(f.rule), ruleDocsUrl(f.rule)]
        .filter(Boolean)
        .join('\n');
    return { level: f.severity, message, properties };
}
function emitAnnotations(plan) {
    for (const a of plan.annotations)
        core[a.level](a.message, a.properties);
}

;// CONCATENATED MODULE: ./src/action/paths.ts

/** `p` relative to the workspace with `/` separators, or undefined when it is outside (it would attach to nothing). */
function relativeToWorkspace(p, workspace) {
    const rel = external_node_path_default().relative(workspace, p);
    if (rel === '' || rel === '..' || rel.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(rel))
        return undefined;
    return rel.split((external_node_path_default()).sep).join('/');
}
/**
 * Where a finding is in the repository, for PR annotations: the real file behind its package path (the engine
 * gives it relative to the `path` input), or the package itself (the zip, or the directory for findings about
 * the whole package and for folders the layout creates, such as `ID/www`).
 */
function sourceFileResolver(pkg, location, sourceKind, workspace) {
    const packageItself = {
        file: relativeToWorkspace(location, workspace),
        own: false
    };
    return (f) => {
        if (sourceKind === 'zip' || f.path === undefined)
            return packageItself;
        const under = pkg.placedUnder;
        const created = under !== '' && f.path !== under && !f.path.startsWith(`${under}/`);
        if (created || f.file === '')
            return packageItself;
        return {
            file: relativeToWorkspace(external_node_path_default().join(location, f.file ?? f.path), workspace),
            own: true
        };
    };
}

;// CONCATENATED MODULE: ./src/action/summary.ts



/** A step summary above 1 MiB is not shown at all (and costs an error annotation); stay well below. */
const SUMMARY_LIMIT_BYTES = 1_000_000;
const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
/**
 * The job summary in Markdown. Everything that comes from the package (names, messages, the ID) is escaped,
 * so a file name cannot add HTML, links or table cells. The findings table is cut to keep the whole under the
 * limit; the rule overview above it is always complete.
 */
function buildSummary(input, limit = SUMMARY_LIMIT_BYTES) {
    const { outcome } = input;
    const { pkg, counts } = outcome;
    const head = [];
    head.push(`## ${verdict(input)}`, '');
    head.push(`${countLine(counts)} · fail-on: \`${input.failOn}\``, '');
    head.push('| Package | |', '|---|---|');
    head.push(`| ID | ${pkg.id ? md(pkg.id) : '_none_'} |`);
    head.push(`| Type | ${pkg.type} |`);
    head.push(`| Version | ${input.version ? md(input.version) : '_not given_'} |`);
    const rawBytes = pkg.files.reduce((s, f) => s + f.size, 0);
    head.push(`| Files | ${num(pkg.files.length)}, ${bytes_formatBytes(rawBytes)} (${num(rawBytes)} bytes) |`);
    if (input.zip) {
        head.push(`| Zip | ${num(input.zip.files)} files, ${bytes_formatBytes(input.zip.bytes)} (${num(input.zip.bytes)} bytes) |`);
        head.push(`| SHA-256 | \`${input.zip.sha256}\` |`);
    }
    else {
        head.push(`| Zip | not written${input.notWritten ? `: ${md(input.notWritten)}` : ''} |`);
    }
    head.push(`| Artifact | ${artifactCell(input.artifact)} |`);
    if (input.reportPath)
        head.push(`| JSON report | ${md(input.reportPath)} (\`report-path\` output) |`);
    head.push('');
    const types = Object.entries(input.byType).sort((a, b) => b[1].bytes - a[1].bytes || (a[0] < b[0] ? -1 : 1));
    if (types.length) {
        const zippedKnown = types.every(([, t]) => t.zipped !== undefined);
        head.push('<details><summary>Size by file type</summary>', '');
        head.push(`| Type | Files | Size${zippedKnown ? ' | Zipped' : ''} |`, `|---|--:|--:${zippedKnown ? '|--:' : ''}|`);
        for (const [ext, t] of types) {
            head.push(`| ${md(ext)} | ${num(t.files)} | ${bytes_formatBytes(t.bytes)}${zippedKnown ? ` | ${bytes_formatBytes(t.zipped ?? 0)}` : ''} |`);
        }
        const total = types.reduce((s, [, t]) => ({
            files: s.files + t.files,
            bytes: s.bytes + t.bytes,
            zipped: s.zipped + (t.zipped ?? 0)
        }), {
            files: 0,
            bytes: 0,
            zipped: 0
        });
        head.push(`| **total** | ${num(total.files)} | ${bytes_formatBytes(total.bytes)}${zippedKnown ? ` | ${bytes_formatBytes(total.zipped)}` : ''} |`, '');
        head.push('</details>', '');
    }
    if (!outcome.findings.length) {
        head.push('No findings.', '');
        return head.join('\n');
    }
    const byRule = groupByRule(outcome.findings);
    head.push(`### Findings by rule`, '');
    head.push('| Rule | Severity | Count | How to fix |', '|---|---|--:|---|');
    for (const [rule, list] of byRule) {
        const severities = [...new Set(list.map((f) => f.severity))]
            .map((s) => `${ICON[s]} ${s}`)
            .join(', ');
        head.push(`| [${rule}](${ruleDocsUrl(rule)}) | ${severities} | ${num(list.length)} | ${cell(fixFor(rule))} |`);
    }
    head.push('', '### All findings', '', '| Rule | Severity | Location | Message |', '|---|---|---|---|');
    const text = head.join('\n') + '\n';
    const rows = [];
    for (const [rule, list] of byRule) {
        for (const f of list)
            rows.push(findingRow(rule, f));
    }
    return fit(text, rows, limit);
}
/** Adds rows while they fit, then a note saying how many were left out and where they all are. */
function fit(head, rows, limit) {
    const encoder = new TextEncoder();
    let size = encoder.encode(head).length;
    const note = (n) => `\n_${num(n)} more finding${n === 1 ? '' : 's'} not shown: a job summary is limited to 1 MiB. ` +
        'The JSON report (the `report-path` output) and the step log list all of them._\n';
    const reserve = encoder.encode(note(rows.length)).length;
    const kept = [];
    for (const row of rows) {
        const rowSize = encoder.encode(row).length + 1;
        if (size + rowSize + reserve > limit)
            break;
        kept.push(row);
        size += rowSize;
    }
    const out = head + kept.map((r) => `${r}\n`).join('');
    return kept.length < rows.length ? out + note(rows.length - kept.length) : out;
}
function findingRow(rule, f) {
    return `| [${rule}](${ruleDocsUrl(rule)}) | ${ICON[f.severity]} ${f.severity} | ${md(messages_location(f))} | ${md(formatMessage(f))} |`;
}
function groupByRule(findings) {
    const byRule = new Map();
    for (const f of findings) {
        const list = byRule.get(f.rule) ?? [];
        list.push(f);
        byRule.set(f.rule, list);
    }
    return byRule;
}
function verdict(input) {
    const name = `H5 offline package ${input.outcome.pkg.id ? md(input.outcome.pkg.id) : '(no ID)'}`;
    const { error, warning } = input.outcome.counts;
    if (input.failed)
        return `❌ ${name}: failed`;
    if (error)
        return `⚠️ ${name}: passed with errors (fail-on: never)`;
    if (warning)
        return `⚠️ ${name}: passed with warnings`;
    return `✅ ${name}: passed`;
}
function countLine(c) {
    return [summary_plural(c.error, 'error'), summary_plural(c.warning, 'warning'), summary_plural(c.notice, 'notice')].join(', ');
}
function artifactCell(a) {
    switch (a.status) {
        case 'uploaded':
            return a.url
                ? `[${md(a.name)}](${a.url}) (digest \`sha256:${a.digest}\`)`
                : `${md(a.name)} (ID ${a.id})`;
        case 'skipped':
            return `not uploaded: ${md(a.reason)}`;
        case 'failed':
            return `upload failed: ${md(a.message)}`;
    }
}
/**
 * Text safe in a Markdown table cell: control characters made visible, then every character Markdown or HTML
 * could act on backslash-escaped (CommonMark allows escaping any ASCII punctuation; `\|` is GFM's cell escape).
 */
function md(s) {
    return text_visible(s).replace(/[\\`*_{}[\]()<>&|~$!#]/g, (c) => `\\${c}`);
}
/** Our own text (rule fixes may use Markdown): only what would break the table is escaped. */
function cell(s) {
    return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function summary_plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function num(n) {
    return n.toLocaleString('en-US');
}

;// CONCATENATED MODULE: ./src/action/report.ts









/** The CLI's JSON report (`--format json`), next to the zip, or where the zip would have been. */
async function writeJsonReport(built) {
    const reportPath = reportPathFor(built.target);
    const report = toJsonReport({ ...built.result, zip: built.zip && { ...built.zip, byType: {} } });
    await promises_default().writeFile(reportPath, JSON.stringify(report, null, 2) + '\n');
    return reportPath;
}
/**
 * The CLI's text report in the log, inside `::stop-commands::` so that no file name in it can be read as a
 * workflow command (the runner trims leading spaces before looking for `::`).
 */
function logFindings(built) {
    const { counts } = built.result;
    const n = (k, word) => `${k} ${word}${k === 1 ? '' : 's'}`;
    core.startGroup(`Findings: ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${n(counts.notice, 'notice')}`);
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    core.info(`::stop-commands::${token}`);
    const zip = built.zip && { ...built.zip, byType: {} };
    core.info(formatText({ ...built.result, zip }, { color: false }).trimEnd());
    core.info(`::${token}::`);
    core.endGroup();
}
function annotate(built, opts) {
    const fileOf = sourceFileResolver(built.result.pkg, opts.location, built.sourceKind, opts.workspace);
    const completeListIn = opts.hasSummary ? 'The job summary' : 'The step log';
    emitAnnotations(planAnnotations(built.result.findings, { fileOf, reserved: opts.reserved, completeListIn }));
}
async function writeJobSummary(file, built, opts) {
    await promises_default().appendFile(file, summaryMarkdown(built, opts));
}
/** The job summary's Markdown, within `limit` bytes with the extra sections; also the check run's summary. */
function summaryMarkdown(built, opts, limit = SUMMARY_LIMIT_BYTES) {
    const extra = opts.extra ? `\n${opts.extra.trimEnd()}\n` : '';
    const room = limit - Buffer.byteLength(extra);
    const summary = buildSummary({
        outcome: built.result,
        version: opts.version,
        failOn: opts.failOn,
        failed: opts.failed,
        zip: built.zip,
        notWritten: built.notWritten,
        byType: built.byType,
        reportPath: relativeToWorkspace(opts.reportPath, opts.workspace) ?? opts.reportPath,
        artifact: opts.artifact
    }, room);
    return summary + extra;
}

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
const hashed_names_HASH = '\u0000';
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
            return hashed_names_HASH;
        return stripSuffixHash(part);
    });
    return `${dir}${key.join('.')}.${ext}`;
}
function stripSuffixHash(part) {
    // Vite: `<name>-<8 base64url characters>`
    if (part.length > 9 && part[part.length - 9] === '-' && isHashToken(part.slice(-8)))
        return `${part.slice(0, -8)}${hashed_names_HASH}`;
    const m = /^(.*[^-_])([-_])([A-Za-z0-9]+)$/.exec(part);
    if (m && isHashToken(m[3]))
        return `${m[1]}${m[2]}${hashed_names_HASH}`;
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
    const source = await openZipSource(zipPath, {
        maxEntries: core_config/* DEFAULT_LIMITS */.dR.entries,
        maxBytes: core_config/* DEFAULT_LIMITS */.dR.bytes
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
        .sort((x, y) => y.delta - x.delta || (0,core_findings/* cmp */.r2)(x.path, y.path))
        .slice(0, GROWERS);
    return {
        old: summary(a),
        new: summary(b),
        added: added.sort((x, y) => (0,core_findings/* cmp */.r2)(x.path, y.path)),
        removed: removed.sort((x, y) => (0,core_findings/* cmp */.r2)(x.path, y.path)),
        changed: changed.sort((x, y) => (0,core_findings/* cmp */.r2)(x.path, y.path)),
        renamed: renamed.sort((x, y) => (0,core_findings/* cmp */.r2)(x.path, y.path)),
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
    return [...rows.values()].sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (0,core_findings/* cmp */.r2)(x.type, y.type));
}

;// CONCATENATED MODULE: ./src/diff/format.ts



/** A size change with its sign: `+1.2 KiB`, `-300 B`, `0 B`. */
function formatDelta(n) {
    return n > 0 ? `+${bytes_formatBytes(n)}` : bytes_formatBytes(n);
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
    return (`zip ${formatBytes(d.old.bytes)} → ${formatBytes(d.new.bytes)} (${formatDelta(zip)}${pct ? `, ${pct}` : ''}); ` +
        `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ` +
        `${d.renamed.length} renamed, ${d.unchanged} unchanged`);
}
/** The terminal form: one line per file, names with control characters made visible. */
function formatDiffText(d) {
    const lines = [headline(d), ''];
    const v = visible;
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
            lines.push(`  ${t.type.padEnd(8)} ${String(t.newFiles).padStart(5)} files  ${formatBytes(t.newBytes).padStart(10)}  ${formatDelta(t.delta)}`);
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
    return text_visible(s).replace(/[\\`*_{}[\]()<>&|~$!#]/g, (c) => `\\${c}`);
}
/** The Markdown form, for a job summary, a PR comment or `--format markdown`. */
function formatDiffMarkdown(d, opts = {}) {
    const max = opts.maxRows ?? 50;
    const h = opts.heading ?? '###';
    const out = [];
    const zip = d.new.bytes - d.old.bytes;
    const pct = formatPercent(zip, d.old.bytes);
    out.push(`${h} Package diff`, '', '| | Before | After | Change |', '|---|--:|--:|--:|', `| Zip | ${bytes_formatBytes(d.old.bytes)} | ${bytes_formatBytes(d.new.bytes)} | ${formatDelta(zip)}${pct ? ` (${pct})` : ''} |`, `| Content | ${bytes_formatBytes(d.old.contentBytes)} | ${bytes_formatBytes(d.new.contentBytes)} | ${formatDelta(d.new.contentBytes - d.old.contentBytes)} |`, `| Files | ${d.old.files} | ${d.new.files} | ${signed(d.new.files - d.old.files)} |`, '', `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.renamed.length} renamed, ${d.unchanged} unchanged.`, '');
    if (d.growers.length) {
        out.push(`${h}# Biggest growers`, '', '| File | Change | Size | |', '|---|--:|--:|---|');
        for (const g of d.growers)
            out.push(`| ${code(g.path)} | ${formatDelta(g.delta)} | ${bytes_formatBytes(g.newSize)} | ${g.kind} |`);
        out.push('');
    }
    if (d.byType.some((t) => t.delta !== 0 || t.oldFiles !== t.newFiles)) {
        out.push(`${h}# By file type`, '', '| Type | Files | Size | Change |', '|---|--:|--:|--:|');
        for (const t of d.byType)
            out.push(`| ${mdEscape(t.type)} | ${t.newFiles} (${signed(t.newFiles - t.oldFiles)}) | ${bytes_formatBytes(t.newBytes)} | ${formatDelta(t.delta)} |`);
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
    list('Added', d.added.map((f) => `${code(f.path)} ${bytes_formatBytes(f.size)}`));
    list('Removed', d.removed.map((f) => `${code(f.path)} ${bytes_formatBytes(f.size)}`));
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
    const removed = [...diff.removed.map((f) => f.path), ...diff.renamed.map((r) => r.from)].sort(core_findings/* cmp */.r2);
    const list = Buffer.from(removed.map((p) => `${p}\n`).join(''));
    const source = await openZipSource(newZip, {
        maxEntries: core_config/* DEFAULT_LIMITS */.dR.entries,
        maxBytes: core_config/* DEFAULT_LIMITS */.dR.bytes
    });
    try {
        const sizes = new Map(source.entries.map((e) => [e.name, e.size]));
        const inputs = [
            ...directoryInputs(take),
            ...take.map((name) => ({
                name,
                kind: 'file',
                size: sizes.get(name) ?? 0,
                compress: !isCompressedMedia(name),
                open: () => source.open(name)
            })),
            {
                name: REMOVED_LIST,
                kind: 'file',
                size: list.length,
                compress: true,
                open: () => external_node_stream_.Readable.from([list])
            }
        ].sort((a, b) => (0,core_findings/* cmp */.r2)(a.name, b.name));
        await promises_default().mkdir(external_node_path_default().dirname(external_node_path_default().resolve(out)), { recursive: true });
        const zip = await writeZip(out, inputs, { mtime: DEFAULT_MTIME });
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





// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test; a literal keeps `--version` free of file reads. */
const version_VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/report/sarif.ts





/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run, every rule in `tool.driver.rules` (with its help
 * link and default level), one result per finding with a physical location relative to `%SRCROOT%` (the repository
 * root in the Action, the current directory in the CLI).
 */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/h5-offline/h5-offline-action';
function sarifLevel(s) {
    return s === 'notice' ? 'note' : s;
}
function toSarif(findings, opts) {
    const rules = allRules.map((r) => ({
        id: r.id,
        name: pascal(r.id),
        shortDescription: { text: r.description },
        fullDescription: { text: `${r.description} ${r.fix}` },
        help: { text: r.fix, markdown: `${r.fix}\n\n[${r.id}](${ruleDocsUrl(r.id)})` },
        helpUri: ruleDocsUrl(r.id),
        defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
        properties: { tags: ['h5-offline'] }
    }));
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const rootUri = (0,external_node_url_.pathToFileURL)(opts.root).href.replace(/\/?$/, '/');
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'h5-offline',
                        semanticVersion: version_VERSION,
                        version: version_VERSION,
                        informationUri: INFORMATION_URI,
                        rules
                    }
                },
                originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
                results: findings.map((f) => {
                    const target = opts.locate(f);
                    const where = f.path && !(target.own && target.file) ? `${messages_location(f)}: ` : '';
                    return {
                        ruleId: f.rule,
                        ...(index.has(f.rule) && { ruleIndex: index.get(f.rule) }),
                        level: sarifLevel(f.severity),
                        message: { text: `${where}${formatMessage(f)}` },
                        locations: target.file ? [physicalLocation(target.file, target.own, f)] : [],
                        ...(f.path !== undefined && { properties: { packagePath: f.path } })
                    };
                })
            }
        ]
    };
}
function physicalLocation(file, own, f) {
    const absolute = file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file);
    const artifactLocation = absolute
        ? { uri: (0,external_node_url_.pathToFileURL)(file).href }
        : { uri: relativeUri(file), uriBaseId: SRCROOT };
    const region = own && f.line !== undefined
        ? {
            startLine: Math.max(1, f.line),
            ...(f.column !== undefined && { startColumn: Math.max(1, f.column) })
        }
        : undefined;
    return { physicalLocation: { artifactLocation, ...(region && { region }) } };
}
/** A relative path as a URI reference: each segment percent-encoded (spaces, `%`, `#`, `?`, non-ASCII). */
function relativeUri(p) {
    return p
        .split('/')
        .map((seg) => encodeURIComponent(seg))
        .join('/');
}
function pascal(id) {
    return id.replace(/(^|-)([a-z0-9])/g, (_, _dash, c) => c.toUpperCase());
}
/**
 * The file behind a finding, for SARIF: the real file under a package directory (its line and column apply), or
 * the package itself (the zip, or the directory for findings about the whole package and for folders the layout
 * creates). Relative to `root` when under it, else absolute. The same choice as the Action's annotations.
 */
function sarifLocator(pkg, packageLocation, sourceKind, root) {
    const rel = (p) => {
        const r = external_node_path_default().relative(root, p);
        if (r === '')
            return '.';
        if (r === '..' || r.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(r))
            return external_node_path_default().resolve(p);
        return r.split((external_node_path_default()).sep).join('/');
    };
    const packageItself = { file: rel(packageLocation), own: false };
    return (f) => {
        if (sourceKind === 'zip' || f.path === undefined)
            return packageItself;
        const under = pkg.placedUnder;
        const created = under !== '' && f.path !== under && !f.path.startsWith(`${under}/`);
        if (created || f.file === '')
            return packageItself;
        return { file: rel(external_node_path_default().join(packageLocation, f.file ?? f.path)), own: true };
    };
}

;// CONCATENATED MODULE: ./src/action/github.ts

const REQUEST_POLICY = {
    attempts: 3,
    backoffMs: [1_000, 2_000],
    maxRetryAfterMs: 5_000,
    timeoutMs: 60_000,
    bytesPerExtraSecond: 100_000
};
/** A release asset download's limit, the same as a `compare-to` URL's. */
const DOWNLOAD_TIMEOUT_MS = 300_000;
/**
 * Octokit from `@actions/github`, loaded on first use only (it brings undici and the REST endpoint tables), against
 * `GITHUB_API_URL` (github.com, GHES, or a test server), with every request bounded by `policy` (see
 * {@link boundRequests}).
 */
async function githubClient(token, apiUrl, policy = REQUEST_POLICY) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    // Only baseUrl: `request` would replace (not merge with) the proxy-aware fetch that @actions/github sets.
    const octokit = getOctokit(token, { baseUrl: apiUrl.replace(/\/+$/, '') });
    boundRequests(octokit, policy);
    return octokit;
}
/** Thrown when an attempt got no complete answer within the policy's timeout; never retried. */
class ApiTimeoutError extends Error {
    name = 'ApiTimeoutError';
}
/**
 * A request hook: each attempt gets a timeout, longer for a request with a big body and for a download (an
 * `AbortSignal` on `options.request.signal`, so the proxy-aware fetch stays), and 5xx answers and network errors are retried `attempts - 1` times with backoff (`Retry-After`
 * honoured up to `maxRetryAfterMs`). A 4xx is never retried, nor a timeout (a server that does not answer in a
 * minute rarely does on the next try, and the job should not wait minutes more). The error given up on carries
 * `attempts`, which {@link apiMessage} reports.
 */
function boundRequests(octokit, policy) {
    octokit.hook.wrap('request', async (request, options) => {
        const parsed = octokit.request.endpoint.parse(options);
        const what = describe(parsed);
        const body = parsed.body;
        const bytes = Buffer.isBuffer(body) || typeof body === 'string' ? Buffer.byteLength(body) : 0;
        // A download of a release asset (compare-to: latest-release) may take as long as a compare-to URL's.
        const download = parsed.headers.accept === 'application/octet-stream';
        const limitMs = Math.max(policy.timeoutMs, download ? DOWNLOAD_TIMEOUT_MS : 0) +
            Math.ceil(bytes / policy.bytesPerExtraSecond) * 1000;
        const own = options.request?.signal;
        for (let attempt = 1;; attempt++) {
            const timeout = AbortSignal.timeout(limitMs);
            // Set on `options` itself, not a copy: the hooks inside this one (the token's) were bound to this object.
            options.request = {
                ...options.request,
                signal: own ? AbortSignal.any([own, timeout]) : timeout
            };
            try {
                return await request(options);
            }
            catch (e) {
                if (timeout.aborted && !own?.aborted) {
                    throw new ApiTimeoutError(`no answer from the GitHub API within ${limitMs / 1000} s (${what})`, { cause: e });
                }
                const retry = retryable(e);
                if (!retry || attempt >= policy.attempts) {
                    if (attempt > 1 && e && typeof e === 'object')
                        e.attempts = attempt;
                    throw e;
                }
                const after = retryAfterMs(e, policy.maxRetryAfterMs);
                const wait = after ?? policy.backoffMs[Math.min(attempt - 1, policy.backoffMs.length - 1)] ?? 0;
                core.info(`GitHub API: ${what} failed (${apiMessage(e)}); retrying in ${wait / 1000} s ` +
                    `(attempt ${attempt + 1} of ${policy.attempts})`);
                await new Promise((resolve) => setTimeout(resolve, wait));
            }
        }
    });
}
/** `POST /repos/octo/repo/check-runs`: the method and path the request went to (no host, no query). */
function describe({ method, url }) {
    try {
        return `${method} ${new URL(url).pathname}`;
    }
    catch {
        return `${method} ${url}`;
    }
}
/** 5xx answers and network errors (which Octokit reports as a 500 without a response); never a 4xx. */
function retryable(e) {
    const status = statusOf(e);
    if (status === undefined || status < 500)
        return false;
    if (e.name === 'AbortError')
        return false;
    return true;
}
/** `Retry-After` in seconds or as an HTTP date, capped; undefined when absent or unreadable. */
function retryAfterMs(e, max) {
    const header = e
        ?.response?.headers?.['retry-after'];
    if (!header)
        return undefined;
    const seconds = /^\d+$/.test(header.trim())
        ? Number(header) * 1000
        : Date.parse(header) - Date.now();
    if (!Number.isFinite(seconds))
        return undefined;
    return Math.min(Math.max(0, seconds), max);
}
/** Whether the error came with an HTTP answer (a network error is a status-500 RequestError without one). */
function answered(e) {
    return Boolean(e?.response);
}
/** The HTTP status of an Octokit RequestError, if it is one. */
function statusOf(e) {
    const status = e?.status;
    return typeof status === 'number' ? status : undefined;
}
/**
 * The API's own message (`HTTP 403: Resource not accessible by integration`), else the error's; a network error is
 * not shown as an HTTP status (Octokit gives it 500), and retries are counted.
 */
function apiMessage(e) {
    const data = e?.response?.data;
    const fromApi = data && typeof data === 'object' && typeof data.message === 'string'
        ? data.message
        : undefined;
    const status = answered(e) ? statusOf(e) : undefined;
    const message = fromApi ?? e?.message ?? String(e);
    const attempts = e?.attempts;
    const tries = typeof attempts === 'number' && attempts > 1 ? ` (after ${attempts} attempts)` : '';
    return `${status ? `HTTP ${status}: ${message}` : message}${tries}`;
}
/**
 * For a failure that is GitHub's, not the workflow's (a 5xx after the retries, a network error, a timeout): advice
 * to re-run, to put after the message; empty otherwise.
 */
function serverFault(e) {
    const status = statusOf(e);
    return status === undefined || status >= 500
        ? ' The GitHub API failed or did not answer (not a problem with the workflow): re-run the job.'
        : '';
}
/** Whether the API said the name is taken (`errors: [{ code: 'already_exists' }]`). */
function isAlreadyExists(e) {
    const data = e
        ?.response?.data;
    return statusOf(e) === 422 && Boolean(data?.errors?.some((x) => x.code === 'already_exists'));
}

;// CONCATENATED MODULE: ./src/action/checks.ts




/** The check run's name; distinctive, because GITHUB_TOKEN check runs land in an arbitrary check suite. */
const CHECK_NAME = 'H5 offline package';
/** The Checks API takes at most 50 annotations per request; later requests append. */
const ANNOTATIONS_PER_REQUEST = 50;
/** `output.summary` and `output.text` each allow at most 65,535 characters (a 422 otherwise). */
const CHECK_SUMMARY_LIMIT = 65_535;
const MESSAGE_LIMIT = 4_000;
const TITLE_LIMIT = 255;
/** failure when fail-on fails the step; success with no errors and no warnings; neutral otherwise. */
function conclusionFor(counts, failOn) {
    if ((0,core_findings/* isFailing */.DI)(counts, failOn))
        return 'failure';
    return counts.error + counts.warning === 0 ? 'success' : 'neutral';
}
const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' };
/**
 * Every finding as a check-run annotation. The Checks API requires a path: findings about the whole package (or
 * a package outside the workspace) are put on the package's own path (`.` when it is outside the repository).
 */
function planCheckRun(input) {
    const { counts } = input;
    const n = (k, w) => `${k} ${w}${k === 1 ? '' : 's'}`;
    const title = clip(`${input.packageLabel}: ${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}, ${n(counts.notice, 'notice')}`, TITLE_LIMIT);
    return {
        conclusion: conclusionFor(counts, input.failOn),
        title,
        summary: clip(input.summary, CHECK_SUMMARY_LIMIT),
        annotations: input.findings.map((f) => toCheckAnnotation(f, input.fileOf(f)))
    };
}
function toCheckAnnotation(f, { file, own }) {
    const line = own && file && f.line !== undefined ? Math.max(1, f.line) : 1;
    const where = f.path && !(own && file) ? `${text_visible(messages_location(f))}: ` : '';
    const message = [`${where}${text_visible(formatMessage(f))}`, fixFor(f.rule), ruleDocsUrl(f.rule)]
        .filter(Boolean)
        .join('\n');
    const a = {
        path: file ?? '.',
        start_line: line,
        end_line: line,
        annotation_level: LEVEL[f.severity],
        title: clip(f.rule, TITLE_LIMIT),
        message: clip(message, MESSAGE_LIMIT)
    };
    // Columns are allowed only on a one-line range.
    if (own && file && f.line !== undefined && f.column !== undefined) {
        a.start_column = Math.max(1, f.column);
        a.end_column = a.start_column;
    }
    return a;
}
/**
 * Creates the check run on the head commit with the first 50 annotations (in progress), appends the rest 50 at a
 * time with `checks.update`, and completes it with the conclusion on the last request. Throws on any API error,
 * with the check run (if created) completed as well as the error allows.
 */
async function postCheckRun(octokit, ctx, plan) {
    const { owner, repo } = ctx.repo;
    const batches = [];
    for (let i = 0; i < plan.annotations.length; i += ANNOTATIONS_PER_REQUEST)
        batches.push(plan.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    if (!batches.length)
        batches.push([]);
    const output = (annotations) => ({
        title: plan.title,
        summary: plan.summary,
        ...(annotations.length && { annotations })
    });
    const done = (last) => last
        ? {
            status: 'completed',
            conclusion: plan.conclusion,
            completed_at: new Date().toISOString()
        }
        : { status: 'in_progress' };
    const created = await octokit.rest.checks.create({
        owner,
        repo,
        name: CHECK_NAME,
        head_sha: ctx.headSha,
        ...done(batches.length === 1),
        output: output(batches[0])
    });
    const id = created.data.id;
    let requests = 1;
    try {
        for (let i = 1; i < batches.length; i++) {
            await octokit.rest.checks.update({
                owner,
                repo,
                check_run_id: id,
                ...done(i === batches.length - 1),
                output: output(batches[i])
            });
            requests++;
        }
    }
    catch (e) {
        // Do not leave a check run spinning: complete it, saying the annotations are incomplete.
        await octokit.rest.checks
            .update({
            owner,
            repo,
            check_run_id: id,
            status: 'completed',
            conclusion: plan.conclusion,
            output: {
                title: plan.title,
                summary: clip(`Not every annotation could be posted (${apiMessage(e)}); the job summary lists every finding.\n\n${plan.summary}`, CHECK_SUMMARY_LIMIT)
            }
        })
            .catch(() => undefined);
        throw e;
    }
    return { id, url: created.data.html_url ?? '', requests };
}
/** Why a check run could not be posted, in words a workflow author can act on. */
function explainCheckRunError(e) {
    const status = statusOf(e);
    const what = apiMessage(e);
    if (status === 403)
        return (`the token may not create check runs (${what}): add \`permissions: checks: write\` to the job; pull ` +
            'requests from forks and Dependabot get a read-only token whatever the workflow says');
    if (status === 404)
        return `the API did not find the repository or the commit (${what}); is github-token for this repository?`;
    return `the Checks API failed (${what})`;
}
function clip(s, max) {
    if (s.length <= max)
        return s;
    const note = '\n… (cut: see the job summary)';
    return s.slice(0, max - note.length) + note;
}

;// CONCATENATED MODULE: ./src/action/comment.ts



/** The hidden marker that finds our comment again, so each run updates one comment instead of adding one. */
const COMMENT_MARKER = '<!-- h5-offline-action -->';
/** An issue comment holds at most 65,536 characters. */
const COMMENT_LIMIT = 65_000;
/** A second marker per package, so a matrix of packages keeps one comment each. */
function packageMarker(packageId) {
    return `<!-- h5-offline-action package=${(packageId ?? 'none').replace(/[^A-Za-z0-9_.-]/g, '_')} -->`;
}
function commentBody(c) {
    const id = c.packageId ? md(c.packageId) : '(no ID)';
    const { error, warning, notice } = c.counts;
    const verdict = c.failed
        ? `❌ H5 offline package ${id}: failed`
        : error + warning
            ? `⚠️ H5 offline package ${id}: passed with ${error ? 'errors' : 'warnings'}`
            : `✅ H5 offline package ${id}: passed`;
    const n = (k, w) => `${k} ${w}${k === 1 ? '' : 's'}`;
    const lines = [COMMENT_MARKER, packageMarker(c.packageId), `### ${verdict}`, ''];
    lines.push(`${n(error, 'error')}, ${n(warning, 'warning')}, ${n(notice, 'notice')}.`, '');
    if (c.zip) {
        let size = `Zip: **${bytes_formatBytes(c.zip.bytes)}** (${c.zip.bytes.toLocaleString('en-US')} bytes)`;
        if (c.diff) {
            const delta = c.zip.bytes - c.diff.oldBytes;
            const pct = formatPercent(delta, c.diff.oldBytes);
            size += `, ${formatDelta(delta)}${pct ? ` (${pct})` : ''} against ${md(c.diff.baseline)}`;
        }
        lines.push(size, '');
    }
    else {
        lines.push('No zip was written.', '');
    }
    if (c.noDiff)
        lines.push(`_No diff: ${md(c.noDiff)}_`, '');
    const links = [
        c.checkRunUrl && `[check run](${c.checkRunUrl})`,
        c.runUrl && `[workflow run and job summary](${c.runUrl})`
    ].filter(Boolean);
    const tail = links.length ? `\n${links.join(' · ')}\n` : '';
    let body = lines.join('\n') + '\n';
    if (c.diff) {
        const room = COMMENT_LIMIT - body.length - tail.length - 100;
        body +=
            c.diff.markdown.length <= room
                ? c.diff.markdown
                : `${c.diff.markdown.slice(0, Math.max(0, room)).replace(/\n[^\n]*$/, '')}\n\n_The diff is cut here; the job summary has it whole._\n`;
    }
    return body + tail;
}
/**
 * Finds the comment with both markers on the pull request (paging through every comment) and updates it, or
 * creates it. Throws on an API error.
 */
async function upsertComment(octokit, ctx, body, packageId) {
    const { owner, repo } = ctx.repo;
    const issue_number = ctx.pullRequest.number;
    const mine = packageMarker(packageId);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number,
        per_page: 100
    });
    const existing = comments.find((c) => c.body?.includes(COMMENT_MARKER) && c.body.includes(mine));
    if (existing) {
        const res = await octokit.rest.issues.updateComment({
            owner,
            repo,
            comment_id: existing.id,
            body
        });
        return { action: 'updated', id: res.data.id, url: res.data.html_url };
    }
    const res = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
    return { action: 'created', id: res.data.id, url: res.data.html_url };
}
function explainCommentError(e) {
    if (statusOf(e) === 403)
        return (`the token may not comment (${apiMessage(e)}): add \`permissions: pull-requests: write\` to the job; pull ` +
            'requests from forks and Dependabot get a read-only token');
    return `the API failed (${apiMessage(e)})`;
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
;// CONCATENATED MODULE: ./src/action/compare.ts







function parseCompareTo(value, workspace) {
    if (value === 'latest-release')
        return { kind: 'latest-release' };
    if (/^https?:\/\//i.test(value))
        return { kind: 'url', url: new URL(value) };
    return { kind: 'path', path: external_node_path_default().resolve(workspace, value) };
}
/**
 * Gets the zip to compare with onto the disk. Nothing here fails the step: a baseline that cannot be had is a
 * reason the diff is missing, reported as a notice by the caller.
 */
async function fetchBaseline(spec, opts) {
    try {
        switch (spec.kind) {
            case 'path': {
                const stat = await promises_default().stat(spec.path).catch(() => undefined);
                if (!stat?.isFile())
                    return skipped(`${spec.path} is not a file`);
                return { status: 'found', path: spec.path, label: external_node_path_default().basename(spec.path) };
            }
            case 'url':
                return await download(spec.url, opts);
            case 'latest-release':
                return await latestReleaseZip(opts);
        }
    }
    catch (e) {
        return skipped(apiMessage(e));
    }
}
function skipped(reason) {
    return { status: 'skipped', reason };
}
/**
 * Downloads a URL to a file. The token is sent only to URLs under the GitHub API base (an asset's API URL,
 * `…/releases/assets/<id>`, which then needs `Accept: application/octet-stream`), never elsewhere; fetch drops it
 * on a redirect to another origin (GitHub's signed storage URLs).
 */
async function download(url, opts) {
    const apiBase = opts.ctx.apiUrl?.replace(/\/+$/, '');
    // Under the API base, not merely on its host: GHES serves the API at <server>/api/v3 and downloads elsewhere.
    const toApi = apiBase !== undefined && url.href.startsWith(`${apiBase}/`);
    const headers = { 'user-agent': 'h5-offline-action' };
    if (toApi) {
        headers.accept = 'application/octet-stream';
        if (opts.token)
            headers.authorization = `token ${opts.token}`;
    }
    const res = await fetch(url, {
        headers,
        redirect: 'follow',
        signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS)
    });
    if (!res.ok || !res.body)
        return skipped(`GET ${redact(url)}: HTTP ${res.status} ${res.statusText}`);
    const tooBig = () => skipped(`${redact(url)} is larger than ${limitText(opts.maxBytes)}`);
    if (Number(res.headers.get('content-length')) > opts.maxBytes) {
        await res.body.cancel();
        return tooBig();
    }
    const file = external_node_path_default().join(await promises_default().mkdtemp(external_node_path_default().join(opts.tempDir, 'h5-offline-baseline-')), 'baseline.zip');
    // The length header may be missing or wrong: the bytes are counted as they come.
    let received = 0;
    const capped = async function* (source) {
        for await (const chunk of source) {
            received += chunk.length;
            if (received > opts.maxBytes)
                throw new BaselineTooBig();
            yield chunk;
        }
    };
    try {
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(res.body), capped, external_node_fs_default().createWriteStream(file));
    }
    catch (e) {
        await promises_default().rm(external_node_path_default().dirname(file), { recursive: true, force: true });
        if (e instanceof BaselineTooBig)
            return tooBig();
        throw e;
    }
    return { status: 'found', path: file, label: redact(url) };
}
class BaselineTooBig extends Error {
}
function limitText(bytes) {
    return `${bytes_formatBytes(bytes)} (limits.bytes; raise it in the config file if the baseline is really that big)`;
}
/** A URL without its query (signed URLs carry credentials there). */
function redact(url) {
    return `${url.origin}${url.pathname}`;
}
async function latestReleaseZip(opts) {
    const { ctx } = opts;
    const octokit = await opts.octokit?.();
    if (!octokit || !ctx.repo)
        return skipped('latest-release needs the GitHub API (GITHUB_API_URL, GITHUB_REPOSITORY and a token)');
    let release;
    try {
        release = (await octokit.rest.repos.getLatestRelease({ ...ctx.repo })).data;
    }
    catch (e) {
        if (statusOf(e) === 404)
            return skipped('the repository has no published release yet');
        throw e;
    }
    if (ctx.release && release.id === ctx.release.id)
        return skipped(`the latest release is this release (${release.tag_name}); give compare-to a zip or URL of the previous one`);
    const asset = release.assets.find((a) => a.name.toLowerCase().endsWith('.zip'));
    if (!asset)
        return skipped(`the latest release ${release.tag_name} has no .zip asset`);
    if (asset.size > opts.maxBytes)
        return skipped(`${asset.name} (release ${release.tag_name}) is larger than ${limitText(opts.maxBytes)}`);
    const res = await octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
        ...ctx.repo,
        asset_id: asset.id,
        headers: { accept: 'application/octet-stream' }
    });
    const file = external_node_path_default().join(await promises_default().mkdtemp(external_node_path_default().join(opts.tempDir, 'h5-offline-baseline-')), asset.name.replace(/[^A-Za-z0-9._-]/g, '_'));
    await promises_default().writeFile(file, Buffer.from(res.data));
    return { status: 'found', path: file, label: `${asset.name} (release ${release.tag_name})` };
}

// EXTERNAL MODULE: ./src/action/context.ts
var context = __webpack_require__(40645);
;// CONCATENATED MODULE: ./src/action/release.ts



/** Thrown with a message meant for the workflow author; it fails the step. */
class ReleaseError extends Error {
    name = 'ReleaseError';
}
const IMMUTABLE_ADVICE = 'Assets can be added only while a release is a draft when release immutability is on. Create the release as a ' +
    'draft (e.g. `gh release create "$TAG" --draft` in an earlier step, or a draft from the Releases page), let this ' +
    'step attach the assets on the tag push (release-upload: true finds the draft by its tag), then publish it.';
/**
 * The release to attach to: the event's on a `release` event, else the release of the pushed tag. A tag's release
 * is looked up by tag, then among the releases (which include drafts, which the by-tag endpoint does not return).
 */
async function findRelease(octokit, ctx) {
    if (ctx.release)
        return ctx.release;
    const tag = ctx.tag;
    const repo = ctx.repo;
    try {
        return (await octokit.rest.repos.getReleaseByTag({ ...repo, tag })).data;
    }
    catch (e) {
        if (statusOf(e) !== 404)
            throw new ReleaseError(`Could not look up the release of tag ${tag}: ${apiMessage(e)}.${serverFault(e)}`);
    }
    const releases = await octokit.rest.repos.listReleases({ ...repo, per_page: 100 });
    const draft = releases.data.find((r) => r.tag_name === tag);
    if (draft)
        return draft;
    throw new ReleaseError(`There is no release for the tag ${tag}, so there is nothing to attach the zip to. Create one first (e.g. ` +
        '`gh release create "$TAG" --draft` in an earlier step, with `permissions: contents: write`).');
}
/** GitHub renames asset names with other characters (a space becomes a dot): use the name it will store. */
function assetName(file) {
    return external_node_path_default().basename(file).replace(/[^A-Za-z0-9._+-]/g, '.');
}
/**
 * Uploads each file as an asset of the release, at the release's own `upload_url` (so GHES and test servers
 * work). An asset of the same name is replaced when `overwrite` is true (delete, then upload; a 422
 * `already_exists` from a concurrent upload is deleted and retried once) and refused otherwise.
 */
async function uploadReleaseAssets(octokit, ctx, release, files, overwrite) {
    const repo = ctx.repo;
    const where = `release ${release.tag_name}`;
    if (release.immutable && !release.draft)
        throw new ReleaseError(`Cannot upload to the ${where}: it is published and immutable. ${IMMUTABLE_ADVICE}`);
    const listAssets = () => octokit.paginate(octokit.rest.repos.listReleaseAssets, {
        ...repo,
        release_id: release.id,
        per_page: 100
    });
    const existing = await listAssets().catch((e) => {
        throw new ReleaseError(`Could not list the assets of the ${where}: ${apiMessage(e)}.${serverFault(e)}`);
    });
    const uploaded = [];
    for (const file of files) {
        const name = assetName(file.path);
        const data = await promises_default().readFile(file.path);
        let replaced = false;
        const same = existing.find((a) => a.name === name);
        if (same) {
            if (!overwrite)
                throw new ReleaseError(`The ${where} already has an asset named ${name}. Set overwrite: true to replace it, or give the zip ` +
                    'another name (output or artifact-name).');
            await remove(octokit, ctx, same.id, name, where);
            replaced = true;
        }
        const upload = () => octokit.rest.repos.uploadReleaseAsset({
            ...repo,
            release_id: release.id,
            name,
            url: release.upload_url,
            data: data,
            headers: { 'content-type': file.contentType, 'content-length': data.length }
        });
        let res;
        try {
            res = await upload();
        }
        catch (e) {
            if (isImmutable(e))
                throw new ReleaseError(`Cannot upload ${name} to the ${where}: ${apiMessage(e)}. ${IMMUTABLE_ADVICE}`);
            if (!isAlreadyExists(e))
                throw new ReleaseError(`Could not upload ${name} to the ${where}: ${apiMessage(e)}.${serverFault(e)}`);
            if (!overwrite)
                throw new ReleaseError(`The ${where} already has an asset named ${name} (uploaded meanwhile by another job). Set overwrite: ` +
                    'true to replace it.');
            // Another job uploaded the same name between our listing and our upload: delete it and try once more.
            const raced = (await listAssets()).find((a) => a.name === name);
            if (raced)
                await remove(octokit, ctx, raced.id, name, where);
            replaced = true;
            try {
                res = await upload();
            }
            catch (e2) {
                throw new ReleaseError(`Could not upload ${name} to the ${where} (after replacing it): ${apiMessage(e2)}`);
            }
        }
        uploaded.push({ name, id: res.data.id, url: res.data.browser_download_url, replaced });
    }
    return uploaded;
}
async function remove(octokit, ctx, assetId, name, where) {
    try {
        await octokit.rest.repos.deleteReleaseAsset({ ...ctx.repo, asset_id: assetId });
    }
    catch (e) {
        if (isImmutable(e))
            throw new ReleaseError(`Cannot replace ${name} on the ${where}: ${apiMessage(e)}. ${IMMUTABLE_ADVICE}`);
        throw new ReleaseError(`Could not delete the existing asset ${name} from the ${where}: ${apiMessage(e)}`);
    }
}
function isImmutable(e) {
    return statusOf(e) === 422 && /immutable/i.test(apiMessage(e));
}

;// CONCATENATED MODULE: ./src/action/extras.ts












class Notices {
    list = [];
    add(title, message) {
        this.list.push({ title, message });
        core.info(`${title}: ${message}`);
    }
}
/** One lazily created API client for the run, or the reason there is none. */
class GitHubSession {
    inputs;
    ctx;
    client;
    constructor(inputs, ctx) {
        this.inputs = inputs;
        this.ctx = ctx;
    }
    /** Why the API cannot be used here (no token, not on a runner, no repository), or undefined when it can. */
    unavailable() {
        if (!this.inputs.githubToken)
            return 'github-token is empty';
        if (!this.ctx.apiUrl)
            return 'GITHUB_API_URL is not set (not running on a GitHub runner?)';
        if (!this.ctx.repo)
            return 'GITHUB_REPOSITORY is not set';
        return undefined;
    }
    octokit() {
        this.client ??= githubClient(this.inputs.githubToken, this.ctx.apiUrl);
        return this.client;
    }
}
async function writeSarif(built, file, location, workspace) {
    const sarif = toSarif(built.result.findings, {
        root: workspace,
        locate: sarifLocator(built.result.pkg, location, built.sourceKind, workspace)
    });
    // A folder that does not exist yet is made, as for `output`.
    await promises_default().mkdir(external_node_path_default().dirname(file), { recursive: true });
    await promises_default().writeFile(file, JSON.stringify(sarif, null, 2) + '\n');
}
/** The diff of the new zip against `compare-to`, written as `<zip>.diff.json` next to the zip. */
async function compareWithBaseline(built, inputs, gh, workspace, tempDir, maxBytes) {
    if (!built.zip)
        return { status: 'skipped', reason: 'no zip was written to compare' };
    const spec = parseCompareTo(inputs.compareTo, workspace);
    const baseline = await fetchBaseline(spec, {
        ctx: gh.ctx,
        tempDir,
        token: inputs.githubToken,
        octokit: async () => (gh.unavailable() ? undefined : gh.octokit()),
        maxBytes
    });
    if (baseline.status === 'skipped')
        return baseline;
    let diff;
    try {
        diff = await diffZips(baseline.path, built.zip.path);
    }
    catch (e) {
        return {
            status: 'skipped',
            reason: `${baseline.label} could not be read as a zip: ${e.message}`
        };
    }
    diff.old.path = baseline.label;
    const jsonPath = `${built.zip.path.replace(/\.zip$/i, '')}.diff.json`;
    await promises_default().writeFile(jsonPath, JSON.stringify(diffToJson(diff), null, 2) + '\n');
    return {
        status: 'diffed',
        diff,
        markdown: formatDiffMarkdown(diff),
        jsonPath,
        baseline: baseline.label
    };
}
/** The incremental zip (`delta-out`): needs a diff; a failure to write it fails the step (the user asked for a file). */
async function writeDelta(built, inputs, diff, notices) {
    if (!inputs.deltaOut)
        return undefined;
    if (!diff || diff.status !== 'diffed' || !built.zip) {
        notices.add('No delta zip', `delta-out: nothing written, ${!inputs.compareTo ? 'it needs compare-to (the package to make the delta from)' : diff?.status === 'skipped' ? `there is no diff (${diff.reason})` : 'no zip was written'}.`);
        return undefined;
    }
    const delta = await writeDeltaZip(built.zip.path, diff.diff, inputs.deltaOut);
    core.info(`Delta zip ${delta.path}: ${delta.files} added or changed files, ${delta.removed} paths in removed.txt`);
    return delta;
}
/**
 * The check run with every finding, where the token may write checks. `auto` skips quietly where there is no API
 * to talk to (not a runner, no token); a fork pull request is skipped with a notice, as its token is read-only.
 */
async function reportCheckRun(args) {
    const { inputs, gh, notices } = args;
    if (inputs.checkRun === false)
        return { status: 'skipped' };
    const why = gh.unavailable() ?? (gh.ctx.headSha ? undefined : 'GITHUB_SHA is not set');
    if (why) {
        if (inputs.checkRun === true)
            notices.add('No check run', `check-run: true, but ${why}; findings are annotated from the step instead.`);
        return { status: 'skipped' };
    }
    if (gh.ctx.pullRequest?.fork) {
        const reason = 'this pull request comes from a fork, and its token is read-only (checks: write cannot be granted)';
        notices.add('No check run', `${reason}; the findings are annotated from the step (at most 10 per severity) and listed in full in the job summary.`);
        return { status: 'failed', reason };
    }
    const pkg = args.built.result.pkg;
    const plan = planCheckRun({
        findings: inputs.annotations ? args.built.result.findings : [],
        counts: args.built.result.counts,
        failOn: args.failOn,
        summary: args.summary,
        fileOf: args.fileOf,
        packageLabel: `Package ${pkg.id ?? '(no ID)'}`
    });
    try {
        const posted = await postCheckRun(await gh.octokit(), gh.ctx, plan);
        core.info(`Check run "${CHECK_NAME}" posted with ${plan.annotations.length} annotations in ${posted.requests} request${posted.requests === 1 ? '' : 's'}${posted.url ? `: ${posted.url}` : ''}`);
        return {
            status: 'posted',
            url: posted.url,
            annotations: plan.annotations.length,
            requests: posted.requests
        };
    }
    catch (e) {
        const reason = explainCheckRunError(e);
        notices.add('No check run', `The check run could not be posted: ${reason}. The findings are annotated from the step instead (at most 10 per severity); the job summary lists them all.`);
        return { status: 'failed', reason };
    }
}
/** The sticky comment on a pull request: one per package, updated in place on every run. */
async function reportComment(args) {
    const { inputs, gh, notices } = args;
    if (inputs.prComment === false)
        return { status: 'skipped' };
    if (!gh.ctx.pullRequest) {
        if (inputs.prComment === true)
            notices.add('No comment', 'pr-comment: true, but this run is not for a pull request.');
        return { status: 'skipped' };
    }
    const why = gh.unavailable();
    if (why) {
        if (inputs.prComment === true)
            notices.add('No comment', `pr-comment: true, but ${why}.`);
        return { status: 'skipped' };
    }
    if (gh.ctx.pullRequest.fork) {
        notices.add('No comment', 'This pull request comes from a fork, and its token is read-only: no comment was posted. The job summary has the same report.');
        return { status: 'skipped' };
    }
    const { result, zip } = args.built;
    const body = commentBody({
        packageId: result.pkg.id,
        failed: args.failed,
        counts: result.counts,
        zip,
        ...(args.diff?.status === 'diffed' && {
            diff: {
                markdown: args.diff.markdown,
                oldBytes: args.diff.diff.old.bytes,
                baseline: args.diff.baseline
            }
        }),
        ...(args.diff?.status === 'skipped' && { noDiff: args.diff.reason }),
        runUrl: (0,context/* runUrl */.Vp)(gh.ctx),
        checkRunUrl: args.checkRunUrl
    });
    try {
        const posted = await upsertComment(await gh.octokit(), gh.ctx, body, result.pkg.id);
        core.info(`Pull request comment ${posted.action}: ${posted.url}`);
        return { status: 'posted', action: posted.action, url: posted.url };
    }
    catch (e) {
        notices.add('No comment', `The pull request comment could not be posted: ${explainCommentError(e)}.`);
        return { status: 'skipped' };
    }
}
/** The zip, the JSON report and the diff as assets of the release. A failure fails the step. */
async function uploadToRelease(args) {
    const { built, gh, notices } = args;
    if (!(0,context/* releaseTag */.aF)(gh.ctx)) {
        const reason = 'this run is neither for a release event nor for a push of a v* tag';
        notices.add('No release upload', `release-upload: true, but ${reason}; nothing was attached.`);
        return { status: 'skipped', reason };
    }
    if (!built.zip)
        return { status: 'skipped', reason: 'no zip was written' };
    const why = gh.unavailable();
    if (why)
        return { status: 'failed', message: `Cannot upload to the release: ${why}.` };
    const files = [
        { path: built.zip.path, contentType: 'application/zip' },
        { path: args.reportPath, contentType: 'application/json' },
        ...(args.diffPath ? [{ path: args.diffPath, contentType: 'application/json' }] : [])
    ];
    try {
        const octokit = await gh.octokit();
        const release = await findRelease(octokit, gh.ctx);
        const assets = await uploadReleaseAssets(octokit, gh.ctx, release, files, args.inputs.overwrite);
        for (const a of assets)
            core.info(`Attached ${a.name} to release ${release.tag_name}${a.replaced ? ' (replaced)' : ''}: ${a.url}`);
        return { status: 'uploaded', tag: release.tag_name, assets };
    }
    catch (e) {
        if (e instanceof ReleaseError)
            return { status: 'failed', message: e.message };
        return { status: 'failed', message: `Release upload failed: ${e.message}` };
    }
}
/** The job summary's sections after the findings: the diff, then where the check run, comment and assets are. */
function extraSections(diff, check, comment, release) {
    const out = [];
    if (diff?.status === 'diffed')
        out.push(`_Compared with ${md(diff.baseline)}._`, '', diff.markdown);
    else if (diff)
        out.push(`_No diff: ${md(diff.reason)}._`, '');
    const links = [];
    if (check.status === 'posted')
        links.push(`Check run: ${check.url ? `[H5 offline package](${check.url})` : 'H5 offline package'} (${check.annotations} annotation${check.annotations === 1 ? '' : 's'})`);
    else if (check.status === 'failed')
        links.push(`Check run: not posted, ${md(check.reason)}`);
    if (comment.status === 'posted')
        links.push(`Pull request comment: [${comment.action}](${comment.url})`);
    if (release?.status === 'uploaded')
        links.push(`Release ${md(release.tag)}: ${release.assets.map((a) => `[${md(a.name)}](${a.url})`).join(', ')}`);
    else if (release)
        links.push(`Release upload: ${md(release.status === 'failed' ? release.message : release.reason)}`);
    if (links.length)
        out.push('', ...links.map((l) => `- ${l}`), '');
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/action/pipeline.ts
/**
 * Everything after the inputs: the engine (parsers, rules, zip writer), the reporters and the GitHub extras (check
 * run, comment, release, diff, SARIF). main.ts loads this module with a dynamic import once the inputs are read, so
 * a bad input fails fast and the cold start up to reading the inputs stays small; ncc puts it in its own chunk.
 * Octokit itself is loaded later still, only when an API call is made.
 */






/***/ })

};
