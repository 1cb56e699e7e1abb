import { describe, expect, it } from 'vitest';
import { labelTableCells } from '../../src/lib/stacked-table';

const TABLE = `<table>
<thead>
<tr>
<th>Guide</th>
<th>Who <em>needs</em> it</th>
<th>How "long"</th>
</tr>
</thead>
<tbody>
<tr>
<td><a href="/hp/">HP</a></td>
<td>Staff</td>
<td style="text-align:right">A day</td>
</tr>
<tr>
<td>Red Hat</td>
<td>Partners</td>
<td>None</td>
</tr>
</tbody>
</table>`;

describe('labelTableCells', () => {
  it('labels each body cell with the text of its column heading', () => {
    const html = labelTableCells(TABLE);
    expect([...html.matchAll(/<td[^>]*data-label="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'Guide',
      'Who needs it',
      'How &quot;long&quot;',
      'Guide',
      'Who needs it',
      'How &quot;long&quot;',
    ]);
    expect(html).toContain(
      '<td role="cell" data-label="How &quot;long&quot;" style="text-align:right">A day</td>',
    );
  });

  it('states the role of every part of the table and keeps its content', () => {
    const html = labelTableCells(TABLE);
    expect(html).toMatch(
      /^<table role="table">\n<thead role="rowgroup">\n<tr role="row">\n<th role="columnheader">Guide<\/th>/,
    );
    expect(html.match(/role="cell"/g)).toHaveLength(6);
    expect(html.match(/role="row"/g)).toHaveLength(3);
    expect(html.replace(/ (role|data-label)="[^"]*"/g, '')).toBe(TABLE);
  });

  it('leaves HTML without a table, and cells beyond the headings, unlabelled', () => {
    expect(labelTableCells('<p>No table</p>')).toBe('<p>No table</p>');
    const extra = labelTableCells(
      '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
    expect(extra).toContain('<td role="cell" data-label="A">1</td><td role="cell">2</td>');
  });
});
