// The version `candor --version` prints: package.json's, put into the bundle by the build (the
// CLI may be copied without the package around it); read from package.json next to the bundle
// only when running unbundled.
import * as fs from 'fs';
import * as path from 'path';

declare const __CANDOR_VERSION__: string | undefined;

export function cliVersion(): string {
  if (typeof __CANDOR_VERSION__ === 'string') {
    return __CANDOR_VERSION__;
  }
  for (const dir of [path.join(__dirname, '..'), path.join(__dirname, '..', '..', '..')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'candor' && typeof pkg.version === 'string') {
        return pkg.version;
      }
    } catch {
      // Try the next place.
    }
  }
  return 'unknown';
}
