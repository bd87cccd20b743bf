import { referenceRule } from './ref-rule.js'

export default referenceRule(
  {
    id: 'ref-chunk-folder',
    description:
      "webpack's (or Rspack's) runtime loads lazy chunks from a folder of the package that has none: its root-relative public path does not match where the build was placed.",
    defaultSeverity: 'warning',
    message: (a) =>
      `webpack's runtime loads its lazy chunks from "${a.url}" (its public path + the chunk folder), which is ${a.target || 'the package root'}, where no chunk is; they are in ${a.near}: the public path that reaches them is "${a.publicPath}"${a.others === undefined ? '' : ` (the same in ${a.others} more place${a.others === 1 ? '' : 's'})`}`,
    fix: 'Build with the public path the package is served at: "/www/" for a build placed under www/ (webpack output.publicPath, Rsbuild output.assetPrefix, Umi publicPath, Taro h5.publicPath, Vue CLI publicPath), or "auto" (webpack 5, Rsbuild), which finds it from the script\'s own URL. A public path of "./" is relative to the page, which breaks pages in subfolders.'
  },
  (ref) => {
    const r = ref.resolution
    if (ref.kind !== 'js-chunk-folder' || r.outcome !== 'broken') return false
    return { near: r.nearTarget ?? '', publicPath: r.publicPath ?? '' }
  },
  undefined,
  // a runtime inlined in every page is one mistake, not one per page
  (ref) => `${ref.url}\0${ref.resolution.nearTarget ?? ''}`
)
