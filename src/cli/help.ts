export const USAGE = `usage:
  h5-offline validate <dir|zip> [options]
  h5-offline pack <dir> --out <file.zip> [options]   validates first; refuses to write on errors unless --force
  h5-offline diff <old.zip> <new.zip> [--format text|json|markdown] [--delta-out <delta.zip>]
                                                     what changed between two package zips; --delta-out
                                                     writes the added/changed files plus removed.txt
  h5-offline rules                                   lists the rules
`

/** Shown before HELP for `h5-offline <command> --help`: what the command takes, and what it does not. */
export const COMMAND_HELP: Record<'validate' | 'pack' | 'diff' | 'rules', string> = {
  validate: `h5-offline validate <dir|zip> [options]
  Checks a package folder (the ID folder, or a folder holding it), a build output (with --id) or a zip, and
  reports the findings. Takes the package and report options below except --out and --force (pack's).
`,
  pack: `h5-offline pack <dir> --out <file.zip> [options]
  Validates <dir> as validate does, then writes the upload zip (refused on errors unless --force or
  --fail-on never). Takes every package and report option below.
`,
  diff: `h5-offline diff <old.zip> <new.zip> [--format text|json|markdown] [--delta-out <delta.zip>]
  <old.zip> <new.zip>      two package zips (for a folder, run pack first)
  --format text|json|markdown
                           text (default); json: {old, new, delta, counts, added, removed, changed, renamed,
                           byType, growers, skipped}; markdown: the table the Action's summary shows
  --delta-out <delta.zip>  also write the added/changed files plus removed.txt (the paths to delete): for your
                           own update channel, not a package to upload
  Takes no other option. Exit status 0 whatever changed; 2 bad usage or an unreadable zip.
`,
  rules: `h5-offline rules
  Lists every rule: its id, default severity and what it checks. Takes no option and no argument.
`
}

export const HELP = `h5-offline: validate and pack mPaaS H5 offline packages

${USAGE}
package:
  --type global|standard|auto      package type (default auto: from the layout)
  --layout auto|laid-out|build     whether <dir> holds the ID folder or a plain build output (default auto)
  --id <8 digits>                  package ID (required to lay out a build output)
  --app-id <id> --workspace <id>   global packages: the <appId>_<workspace> folder
  --environment public-cloud|apsara-stack
  --host <host[:port]>             global resource host (public cloud default: mcube-prod.mpaascloud.com)
  --prefix <path>                  folders after the host (default none; mcube on Apsara Stack)
  --bucket <name>                  HDFS/AFS bucket folder before <appId>_<workspace> (either cloud)
  --entry-dir <name>               folder a standard build output goes in (default www; '' for ID/ itself)
  --version-dir <name>             version folder a global build output goes in
  --main-entry </www/index.html>   main entry as set in the MDS console
  --version <1.0.0.0>              package version
  --include <glob> --exclude <glob>  select files (repeatable; paths in <dir>, read as .gitignore: *.map at any depth)
  --keep-junk                      pack .DS_Store & co. instead of leaving them out
  --allow-sensitive <path>         pack this exact sensitive-looking file (repeatable)
  --global-package <dir|zip>       check absolute references into it (ref-global-missing)
  --no-refs                        skip the HTML/CSS/JS reference scan (--refs: scan, over a config file)
  --info-plist <file> --ios-min-version <v>   iOS client checks
  --budget-total <size> --budget-file <size> --budget-zipped <size>   e.g. 5MB, 512KiB

report:
  --config <file>                  JSON config (default: ./h5offline.config.json if present)
  --rule <id>=<off|notice|warning|error>   change a rule's severity (repeatable)
  --fail-on error|warning|never    what makes the exit status 1 (default error); never: pack writes as --force
  --format text|json               output format (default text)
  --sarif <file>                   also write the findings as SARIF 2.1.0 (for code scanning)
  --out, -o <file.zip>             pack: where to write the zip
  --force                          pack: write even with errors (secrets are still left out)
  --help, -h / --version, -V       this text / the version

exit status: 0 no failing finding; 1 failing findings; 2 bad usage or unreadable input
  (diff: 0 whatever changed; 2 bad usage or an unreadable zip)
`
