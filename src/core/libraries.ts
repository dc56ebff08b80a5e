// `yaml` and `simple-git` are the largest parts of the bundle. They are loaded on first use, not
// when the extension is activated: most sessions read notes with the fast reader and start git
// only when a command needs it, so activation stays cheap.
/* eslint-disable @typescript-eslint/no-require-imports */

let yamlModule: typeof import('yaml') | undefined;
let simpleGitModule: typeof import('simple-git') | undefined;

export function yamlLib(): typeof import('yaml') {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
}

export function simpleGitLib(): typeof import('simple-git') {
  simpleGitModule ??= require('simple-git') as typeof import('simple-git');
  return simpleGitModule;
}

let minisearchModule: typeof import('minisearch').default | undefined;

/** Full-text search, for Find Similar: loaded the first time someone looks for similar notes. */
export function minisearchLib(): typeof import('minisearch').default {
  minisearchModule ??= require('minisearch') as typeof import('minisearch').default;
  return minisearchModule;
}
