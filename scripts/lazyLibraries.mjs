// Libraries the extension needs only when a command asks for them — the site's Markdown renderer
// and sanitiser, the blameless check's tagger, full-text search — are bundled on their own into
// dist/lib/, so that activating the extension parses a bundle without them (together they are
// about 40% of it). In dist/extension.js, `require('markdown-it')` becomes
// `require('./lib/markdown-it.js')`; the source keeps requiring the package, so the unit tests
// and the CLI bundle (which stays whole) are unchanged.
import * as esbuild from 'esbuild';
import { createRequire } from 'module';
import * as path from 'path';

/** Package as the source requires it → its file under dist/lib/. */
const LIBRARIES = {
  'markdown-it': 'markdown-it',
  'sanitize-html': 'sanitize-html',
  'compromise/two': 'compromise-two',
  minisearch: 'minisearch',
};

/** Exactly the package names above, as esbuild's filter wants them. */
const LIBRARY_FILTER = new RegExp(`^(?:${Object.keys(LIBRARIES).map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);

/** The esbuild plugin that leaves these packages out of a bundle, required from ./lib/. */
export const lazyLibrariesPlugin = {
  name: 'lazy-libraries',
  setup(build) {
    build.onResolve({ filter: LIBRARY_FILTER }, (args) => ({
      path: `./lib/${LIBRARIES[args.path]}.js`,
      external: true,
    }));
  },
};

/** Bundles each library into `<outdir>/lib/<name>.js` as CommonJS, as `require` would load it. */
export async function buildLazyLibraries(outdir, { minify, root = process.cwd() } = {}) {
  const requireFrom = createRequire(path.join(root, 'package.json'));
  const results = await Promise.all(Object.entries(LIBRARIES).map(([pkg, name]) => esbuild.build({
    absWorkingDir: root,
    entryPoints: { [name]: requireFrom.resolve(pkg) },
    bundle: true,
    outdir: path.join(outdir, 'lib'),
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify,
    metafile: true,
    logLevel: 'warning',
  })));
  return results;
}
