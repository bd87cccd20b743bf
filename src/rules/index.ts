import type { Rule } from './types.js'
import duplicateEntry from './duplicate-entry.js'
import emptyPackage from './empty-package.js'
import encryptedEntry from './encrypted-entry.js'
import globalHost from './global-host.js'
import globalPrefix from './global-prefix.js'
import globalStrayFile from './global-stray-file.js'
import globalUnversioned from './global-unversioned.js'
import globalUrlLength from './global-url-length.js'
import iosMinVersion from './ios-min-version.js'
import iosVersionMismatch from './ios-version-mismatch.js'
import junkFile from './junk-file.js'
import linkBroken from './link-broken.js'
import mainEntry from './main-entry.js'
import nameCaseCollision from './name-case-collision.js'
import nameEncoding from './name-encoding.js'
import nameUrlUnsafe from './name-url-unsafe.js'
import nameUrlencode from './name-urlencode.js'
import packageIdFormat from './package-id-format.js'
import packageIdMismatch from './package-id-mismatch.js'
import packageIdReserved from './package-id-reserved.js'
import refBroken from './ref-broken.js'
import refCaseMismatch from './ref-case-mismatch.js'
import refChunkFolder from './ref-chunk-folder.js'
import refGlobalMissing from './ref-global-missing.js'
import refGlobalRelative from './ref-global-relative.js'
import refPlaceholder from './ref-placeholder.js'
import refUnscanned from './ref-unscanned.js'
import refUrlUnsafe from './ref-url-unsafe.js'
import sensitiveFile from './sensitive-file.js'
import serverReservedName from './server-reserved-name.js'
import singleRoot from './single-root.js'
import sizeBudget from './size-budget.js'
import sourceMap from './source-map.js'
import specialFile from './special-file.js'
import symlink from './symlink.js'
import tarPathLength from './tar-path-length.js'
import typeMismatch from './type-mismatch.js'
import unsafePath from './unsafe-path.js'
import versionFormat from './version-format.js'

/** Every rule over the package model, in the order reports list them by default. */
export const packageRules: readonly Rule[] = [
  singleRoot,
  packageIdFormat,
  packageIdMismatch,
  packageIdReserved,
  emptyPackage,
  typeMismatch,
  globalHost,
  globalPrefix,
  globalStrayFile,
  globalUrlLength,
  globalUnversioned,
  mainEntry,
  nameUrlUnsafe,
  nameUrlencode,
  nameCaseCollision,
  tarPathLength,
  junkFile,
  sensitiveFile,
  sourceMap,
  symlink,
  unsafePath,
  duplicateEntry,
  encryptedEntry,
  nameEncoding,
  specialFile,
  serverReservedName,
  sizeBudget,
  versionFormat,
  iosVersionMismatch,
  iosMinVersion
]

/** Rules over the reference scan; they need file contents and are skipped with --no-refs. */
export const contentRules: readonly Rule[] = [
  refBroken,
  refCaseMismatch,
  refGlobalRelative,
  refGlobalMissing,
  refUrlUnsafe,
  refPlaceholder,
  refUnscanned,
  refChunkFolder,
  linkBroken
]
