// The built-in disclosures are templates like a team's own, so both go through the same rules
// and a team can start from these (copy one to `.candor/disclosure.md`). Each block is dropped
// when its section of the note is empty: nobody reads a heading with nothing under it.
// Labels are first person: the message is the author owning what they did.

export const DEFAULT_MARKDOWN_TEMPLATE = `Subject: I made a mistake: {{title}}

**Severity:** {{severity}} · **Status:** {{status}}{{#occurred}} · **When:** {{occurred}}{{/occurred}}
{{#tryingTo}}

**What I was trying to do**

{{tryingTo}}
{{/tryingTo}}
{{#action}}

**What I did**

{{action}}
{{/action}}
{{#outcome}}

**What happened instead**

{{outcome}}
{{/outcome}}
{{#impact}}

**Impact**

{{impact}}
{{/impact}}
{{#recovery}}

**What I'm doing to recover**

{{recovery}}
{{/recovery}}
{{#prevention}}

**What I'll change so it doesn't happen again**

{{prevention}}
{{/prevention}}
{{#learnings}}

**What I learned**

{{learnings}}
{{/learnings}}
{{#need}}

**What I need**

{{need}}
{{/need}}
{{#links}}

**Links**

{{links}}
{{/links}}
`;

// Plain text for email: labels in capitals, no Markdown, the values already plain.
export const DEFAULT_TEXT_TEMPLATE = `Subject: I made a mistake: {{title}}

Severity: {{severity}} | Status: {{status}}{{#occurred}} | When: {{occurred}}{{/occurred}}
{{#tryingTo}}

WHAT I WAS TRYING TO DO
{{tryingTo}}
{{/tryingTo}}
{{#action}}

WHAT I DID
{{action}}
{{/action}}
{{#outcome}}

WHAT HAPPENED INSTEAD
{{outcome}}
{{/outcome}}
{{#impact}}

IMPACT
{{impact}}
{{/impact}}
{{#recovery}}

WHAT I'M DOING TO RECOVER
{{recovery}}
{{/recovery}}
{{#prevention}}

WHAT I'LL CHANGE SO IT DOESN'T HAPPEN AGAIN
{{prevention}}
{{/prevention}}
{{#learnings}}

WHAT I LEARNED
{{learnings}}
{{/learnings}}
{{#need}}

WHAT I NEED
{{need}}
{{/need}}
{{#links}}

LINKS
{{links}}
{{/links}}
`;
