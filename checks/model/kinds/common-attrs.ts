/** Attribute specs many kinds share word for word. */

/** `tags`, with how the live source reads them (`live` completes "live: ..."). */
export function tagsAttr(live = 'the tag list as an object') {
  return { type: 'object', description: `Resource tags (Terraform \`tags_all\` when known, else \`tags\`; live: ${live}).` } as const;
}

/** `dataClass` of a kind classified by its own tags. */
export const DATA_CLASS = {
  type: 'string',
  description: 'Lowercased value of the first profile classificationTagKeys tag; `unclassified` when none is present and the profile judges unclassified stores as student data.',
} as const;
