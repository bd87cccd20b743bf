import { defineRule } from './types.js'

export default defineRule({
  id: 'source-map',
  description: '*.map files ship your source code to every phone.',
  defaultSeverity: 'warning',
  message: (a) => `"${a.path}" is a source map: your original source ships to every phone`,
  fix: 'Turn production source maps off (Vite: build.sourcemap=false; webpack: devtool=false) or exclude "**/*.map".',
  check({ pkg }, report) {
    for (const f of pkg.files)
      if (f.path.endsWith('.map')) report({ path: f.path, args: { path: f.path } })
  }
})
