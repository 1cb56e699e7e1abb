/**
 * A table rendered from Markdown, prepared to become one card per row on a narrow screen
 * (components/StackedTable.astro, styles/stacked-table.css): each body cell carries the text of its
 * column heading in `data-label`, shown above the cell once the columns are gone, and every part
 * states its table role, since browsers may drop the roles of a table whose CSS display is changed.
 */

const TABLE_ROLES: Record<string, string> = {
  table: 'table',
  thead: 'rowgroup',
  tbody: 'rowgroup',
  tr: 'row',
  th: 'columnheader',
  td: 'cell',
};

/** The text of a piece of HTML, tags removed and white space folded, safe inside a quoted attribute. */
function attributeText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/"/g, '&quot;');
}

/** Labels every body cell of the (single, not nested) tables in `html` with its column heading. */
export function labelTableCells(html: string): string {
  return html.replace(/<table[\s>][\s\S]*?<\/table>/g, (table) => {
    const head = /<thead[\s>][\s\S]*?<\/thead>/.exec(table)?.[0] ?? '';
    const labels = [...head.matchAll(/<th(?:\s[^>]*)?>([\s\S]*?)<\/th>/g)].map((match) =>
      attributeText(match[1] ?? ''),
    );
    const labelled = table.replace(/<tbody[\s>][\s\S]*?<\/tbody>/, (body) =>
      body.replace(/<tr[\s>][\s\S]*?<\/tr>/g, (row) => {
        let column = 0;
        return row.replace(/<td(?=[\s>])/g, (cell) => {
          const label = labels[column++];
          return label ? `${cell} data-label="${label}"` : cell;
        });
      }),
    );
    return labelled.replace(
      /<(table|thead|tbody|tr|th|td)(?=[\s>])(?![^>]*\srole=)/g,
      (tag, name: string) => `${tag} role="${TABLE_ROLES[name] ?? ''}"`,
    );
  });
}
