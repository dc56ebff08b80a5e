// The two shapes a disclosure is drafted in.

/** `markdown` for chat and pull-request comments, `text` for email. */
export type DisclosureFormat = 'markdown' | 'text';
