// The branches a change is measured against when none is named: the remote's default branch, else
// a local main, else master. One list, so "your own new commits" (Log Mistake) and "this change"
// (candor review) always mean the same base.
export const BASE_BRANCHES = ['origin/HEAD', 'main', 'master'] as const;
